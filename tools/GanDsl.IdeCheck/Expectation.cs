using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GanDsl.IdeCheck;

/// <summary>
/// One expected diagnostic: ID, file (name or path suffix), 1-based line and column, and optionally the exact
/// message and the exact source text under the diagnostic's span.
/// Written as <c>ID:FILE:LINE:COL[:MESSAGE]</c> (the message may contain ':').
/// </summary>
internal sealed record Expectation(string Id, string File, int Line, int Column, string? Message)
{
    public string? SpanText { get; init; }

    /// <summary>"error", "warning", "info" or "hidden": the effective severity, after .editorconfig and #pragma.</summary>
    public string? Severity { get; init; }

    /// <summary>The title of a code fix that must be offered for this diagnostic and, applied in the workspace,
    /// must remove it without adding any other error.</summary>
    public string? FixTitle { get; init; }

    public static Expectation Parse(string text)
    {
        var parts = text.Split(':', 5);
        if (parts.Length < 4
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int line)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int column)
            || parts[0].Length == 0 || parts[1].Length == 0 || line < 1 || column < 1)
            throw new FormatException($"expected ID:FILE:LINE:COL[:MESSAGE] (1-based line and column), got '{text}'");
        string? message = parts.Length == 5 ? Unquote(parts[4]) : null;
        return new Expectation(parts[0], parts[1], line, column, message);
    }

    /// <summary>
    /// A file of expectations: one <c>ID:FILE:LINE:COL[:MESSAGE]</c> per line; a following line
    /// <c>span: TEXT</c> gives the source text under that diagnostic's span, a line <c>severity: error</c> its
    /// effective severity, and a line <c>fix: TITLE</c> a code fix to apply and check. Blank lines and '#' comments are skipped.
    /// </summary>
    public static List<Expectation> ReadFile(string path)
    {
        var list = new List<Expectation>();
        foreach (var raw in System.IO.File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("span:", StringComparison.Ordinal))
            {
                if (list.Count == 0) throw new FormatException($"{path}: 'span:' before any expectation");
                list[^1] = list[^1] with { SpanText = Unquote(line.Substring("span:".Length).Trim()) };
            }
            else if (line.StartsWith("severity:", StringComparison.Ordinal))
            {
                if (list.Count == 0) throw new FormatException($"{path}: 'severity:' before any expectation");
                list[^1] = list[^1] with { Severity = line.Substring("severity:".Length).Trim().ToLowerInvariant() };
            }
            else if (line.StartsWith("fix:", StringComparison.Ordinal))
            {
                if (list.Count == 0) throw new FormatException($"{path}: 'fix:' before any expectation");
                list[^1] = list[^1] with { FixTitle = Unquote(line.Substring("fix:".Length).Trim()) };
            }
            else list.Add(Parse(line));
        }
        return list;
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s.Substring(1, s.Length - 2) : s;

    public bool FileMatches(string? path)
    {
        if (string.IsNullOrEmpty(path)) return false;
        var normalized = path.Replace('\\', '/');
        var wanted = File.Replace('\\', '/');
        return normalized == wanted || normalized.EndsWith("/" + wanted, StringComparison.Ordinal);
    }

    public override string ToString() =>
        $"{Id} at {File}:{Line}:{Column}" + (Message is null ? "" : $" \"{Message}\"") + (SpanText is null ? "" : $" over \"{SpanText}\"") + (Severity is null ? "" : $" as {Severity}") + (FixTitle is null ? "" : $" fixed by \"{FixTitle}\"");
}
