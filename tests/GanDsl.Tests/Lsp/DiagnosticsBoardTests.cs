using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GanDsl.LspClient;
using Xunit;

namespace GanDsl.Tests.Lsp;

/// <summary>Waiting for squiggles: only publications after the edit count, the first that satisfies the condition
/// wins, and a wait that sees none ends at its timeout.</summary>
public class DiagnosticsBoardTests
{
    private const string Uri = "file:///p.cs";

    private static LspDiagnostic Gan004 => new("GAN004", "error",
        new LspRange(new LspPosition(2, 40), new LspPosition(2, 48)), "Dense(1) needs a flat (N) input", "GanDsl");

    [Fact]
    public async Task A_publication_from_before_the_edit_does_not_satisfy_a_wait_for_after_it()
    {
        var board = new DiagnosticsBoard();
        board.Publish(Uri, new[] { Gan004 }, TimeSpan.FromSeconds(1), null);
        long edit = board.Sequence;

        // The squiggle is already shown, but from before the edit: the wait must not return it.
        var wait = board.WaitAsync(Uri, edit, p => p.Diagnostics.Count > 0, TimeSpan.FromSeconds(20));
        Assert.False(wait.IsCompleted);
        board.Publish("file:///other.cs", new[] { Gan004 }, TimeSpan.FromSeconds(2), null);
        board.Publish(Uri, Array.Empty<LspDiagnostic>(), TimeSpan.FromSeconds(3), null);
        Assert.False(wait.IsCompleted);
        board.Publish(Uri, new[] { Gan004 }, TimeSpan.FromSeconds(4), null);

        var shown = await wait;
        Assert.NotNull(shown);
        Assert.Equal(TimeSpan.FromSeconds(4), shown!.At);
        Assert.Equal(Uri, board.Latest(Uri)!.Uri);
    }

    [Fact]
    public async Task The_latest_publication_counts_when_it_is_newer_than_the_edit()
    {
        var board = new DiagnosticsBoard();
        long before = board.Sequence;
        board.Publish(Uri, new List<LspDiagnostic> { Gan004 }, TimeSpan.FromSeconds(1), 3);
        var shown = await board.WaitAsync(Uri, before, p => p.Diagnostics.Count == 1, TimeSpan.FromSeconds(20));
        Assert.Equal(3, shown!.Version);
    }

    [Fact]
    public async Task A_wait_that_sees_no_matching_publication_ends_with_null_at_its_timeout()
    {
        var board = new DiagnosticsBoard();
        board.Publish(Uri, new[] { Gan004 }, TimeSpan.Zero, null);
        var none = await board.WaitAsync(Uri, board.Sequence, _ => true, TimeSpan.FromMilliseconds(100));
        Assert.Null(none);
    }
}
