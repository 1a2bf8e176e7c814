using System;
using System.Collections.Generic;
using System.IO;

namespace GanDsl.LspCheck;

/// <summary>A request at the '|' of <see cref="Text"/> (its first occurrence in the file).</summary>
internal sealed record Probe(string Text, int Caret)
{
    public static Probe Parse(string marked, string where)
    {
        int caret = marked.IndexOf('|');
        if (caret < 0 || marked.IndexOf('|', caret + 1) >= 0)
            throw new FormatException($"{where}: '{marked}' needs exactly one '|' where the cursor is");
        return new Probe(marked.Remove(caret, 1), caret);
    }

    public override string ToString() => Text.Insert(Caret, "|");
}

/// <summary>Hover at the probe: the hover text must contain <see cref="Expected"/>.</summary>
internal sealed record HoverExpectation(Probe At, string Expected);

/// <summary>Go to definition at the probe: a location in the generated file whose hint name ends with
/// <see cref="GeneratedFile"/>, on the name under the cursor, on a line that contains <see cref="Line"/>.</summary>
internal sealed record DefinitionExpectation(Probe At, string GeneratedFile, string Line);

/// <summary>Typed into the file through didChange: the first <see cref="Find"/> becomes <see cref="Replace"/>; the
/// squiggles must then lose one <see cref="Id"/> at the edit (<see cref="Clears"/>) or gain one there.</summary>
internal sealed record EditExpectation(string Find, string Replace, bool Clears, string Id)
{
    public override string ToString() => $"'{Find}' -> '{Replace}' {(Clears ? "clears" : "adds")} {Id}";
}

/// <summary>
/// A *.lsp-expect file: what an editor connected to the language server must show beyond the diagnostics of the
/// *.ide-expect file. One entry a line, '#' comments:
/// <c>hover: TEXT|MORE =&gt; EXPECTED</c>, <c>definition: TEXT|MORE =&gt; HINT-SUFFIX: LINE TEXT</c>,
/// <c>edit: FIND =&gt; REPLACE ; clears ID</c> or <c>; adds ID</c> (edits apply in order, then are undone).
/// </summary>
internal sealed class LspExpectations
{
    public List<HoverExpectation> Hovers { get; } = new();
    public List<DefinitionExpectation> Definitions { get; } = new();
    public List<EditExpectation> Edits { get; } = new();

    public static LspExpectations Read(string path)
    {
        var result = new LspExpectations();
        int number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string where = $"{path}:{number}";
            int colon = line.IndexOf(':');
            int arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            if (colon < 0 || arrow < colon) throw new FormatException($"{where}: expected 'KIND: ... => ...'");
            string kind = line.Substring(0, colon).Trim();
            string left = line.Substring(colon + 1, arrow - colon - 1).Trim();
            string right = line.Substring(arrow + 4).Trim();
            switch (kind)
            {
                case "hover":
                    result.Hovers.Add(new HoverExpectation(Probe.Parse(left, where), right));
                    break;
                case "definition":
                    int split = right.IndexOf(": ", StringComparison.Ordinal);
                    if (split < 1) throw new FormatException($"{where}: expected 'definition: TEXT|MORE => FILE: LINE TEXT'");
                    result.Definitions.Add(new DefinitionExpectation(Probe.Parse(left, where), right.Substring(0, split), right.Substring(split + 2)));
                    break;
                case "edit":
                    int semi = right.LastIndexOf(" ; ", StringComparison.Ordinal);
                    var outcome = semi < 0 ? Array.Empty<string>() : right.Substring(semi + 3).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (outcome.Length != 2 || outcome[0] is not ("clears" or "adds"))
                        throw new FormatException($"{where}: expected 'edit: FIND => REPLACE ; clears ID' or '; adds ID'");
                    result.Edits.Add(new EditExpectation(left, right.Substring(0, semi), outcome[0] == "clears", outcome[1]));
                    break;
                default:
                    throw new FormatException($"{where}: unknown entry '{kind}' (hover, definition, edit)");
            }
        }
        return result;
    }
}
