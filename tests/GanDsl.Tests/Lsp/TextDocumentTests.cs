using System;
using GanDsl.LspClient;
using Xunit;

namespace GanDsl.Tests.Lsp;

/// <summary>The editor-side copy of a file: LSP positions and the one range edit sent for a change.</summary>
public class TextDocumentTests
{
    private const string Source = "using GanDsl;\n[GanDiscriminator(1, 28, 28)]\n[Conv2d(8, Kernel = 4), LeakyReLU(0.2), Dense(1)]\npublic partial class D { }\n";

    [Fact]
    public void Positions_are_zero_based_lines_and_utf16_characters_both_ways()
    {
        var doc = new TextDocument("file:///p.cs", "/p.cs", Source);
        int offset = Source.IndexOf("Dense(1)", StringComparison.Ordinal);
        var position = doc.PositionOf(offset);
        Assert.Equal(new LspPosition(2, 40), position);
        Assert.Equal(offset, doc.OffsetOf(position));
        Assert.Equal("Dense(1)", doc.TextOf(new LspRange(position, new LspPosition(2, 48))));
        Assert.Equal("3:41", position.ToString());
    }

    [Theory]
    [InlineData("LeakyReLU(0.2), Dense(1)]", "LeakyReLU(0.2), Flatten, Dense(1)]")] // an insertion
    [InlineData("Kernel = 4, ", "")]                                                // a deletion
    [InlineData("[GanDiscriminator(1, 28, 28)]\n", "[GanDiscriminator(3, 32, 32)]\n[Upsample(2)]\n")] // across lines
    public void A_change_is_sent_as_one_minimal_range_edit_that_rebuilds_the_new_text(string find, string replace)
    {
        var doc = new TextDocument("file:///p.cs", "/p.cs", Source);
        var old = new TextDocument("file:///p.cs", "/p.cs", Source);
        string newText = Source.Replace(find, replace, StringComparison.Ordinal);
        var (range, inserted, version) = doc.Replace(newText);

        Assert.Equal(2, version);
        Assert.Equal(newText, doc.Text);
        // Applying the edit to the old text gives the new text, and the edit is no larger than the change.
        int start = old.OffsetOf(range.Start), end = old.OffsetOf(range.End);
        Assert.Equal(newText, Source.Substring(0, start) + inserted + Source.Substring(end));
        Assert.True(end - start <= find.Length && inserted.Length <= replace.Length,
            $"edit {range} '{inserted}' is larger than replacing '{find}' with '{replace}'");
    }

    [Fact]
    public void Find_places_the_cursor_inside_the_text_and_refuses_text_that_is_not_there()
    {
        var doc = new TextDocument("file:///p.cs", "/p.cs", Source);
        Assert.Equal(new LspPosition(3, 21), doc.Find("class D", into: 6));
        Assert.Throws<InvalidOperationException>(() => doc.Find("class E"));
    }
}
