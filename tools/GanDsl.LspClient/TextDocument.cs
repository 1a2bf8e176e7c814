using System;
using System.Collections.Generic;

namespace GanDsl.LspClient;

/// <summary>The editor's copy of an open file: its text and version, positions in LSP terms (zero-based lines,
/// UTF-16 characters), and the single-range edit an editor sends when text changes.</summary>
public sealed class TextDocument
{
    public TextDocument(string uri, string path, string text)
    {
        Uri = uri;
        Path = path;
        Text = text;
    }

    public string Uri { get; }
    public string Path { get; }
    public string Text { get; private set; }
    public int Version { get; private set; } = 1;

    public LspPosition PositionOf(int offset)
    {
        if (offset < 0 || offset > Text.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (Text[i] == '\n') { line++; lineStart = i + 1; }
        return new LspPosition(line, offset - lineStart);
    }

    public int OffsetOf(LspPosition position)
    {
        int line = 0, i = 0;
        while (line < position.Line)
        {
            int next = Text.IndexOf('\n', i);
            if (next < 0) throw new ArgumentOutOfRangeException(nameof(position), $"line {position.Line + 1} is past the end");
            i = next + 1;
            line++;
        }
        return Math.Min(i + position.Character, Text.Length);
    }

    /// <summary>The text an LSP range covers in the current version.</summary>
    public string TextOf(LspRange range)
    {
        int start = OffsetOf(range.Start), end = OffsetOf(range.End);
        return end >= start ? Text.Substring(start, end - start) : "";
    }

    /// <summary>The position of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="find"/>,
    /// plus <paramref name="into"/> characters; throws when the text is not there (the test would otherwise probe
    /// somewhere else).</summary>
    public LspPosition Find(string find, int into = 0, int occurrence = 0)
    {
        int at = -1;
        for (int n = 0; n <= occurrence; n++)
        {
            at = Text.IndexOf(find, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"'{find}' (occurrence {occurrence + 1}) is not in {Path}");
        }
        return PositionOf(at + into);
    }

    /// <summary>Replaces the text and returns the one range edit (common prefix and suffix kept) an editor sends
    /// for it, with the new version.</summary>
    public (LspRange Range, string NewText, int Version) Replace(string newText)
    {
        string old = Text;
        int prefix = 0;
        while (prefix < old.Length && prefix < newText.Length && old[prefix] == newText[prefix]) prefix++;
        int suffix = 0;
        while (suffix < old.Length - prefix && suffix < newText.Length - prefix
               && old[old.Length - 1 - suffix] == newText[newText.Length - 1 - suffix]) suffix++;
        var range = new LspRange(PositionOf(prefix), PositionOf(old.Length - suffix));
        string inserted = newText.Substring(prefix, newText.Length - prefix - suffix);
        Text = newText;
        Version++;
        return (range, inserted, Version);
    }

    public static IEnumerable<string> Lines(string text) => text.Split('\n');
}
