using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.LspClient;

namespace GanDsl.LspCheck;

/// <summary>Hover and go-to-definition where the user's code names GanDsl's generated members.</summary>
internal static class Navigation
{
    public static async Task RunAsync(FolderCheck c)
    {
        foreach (var h in c.Folder.Lsp.Hovers)
        {
            try
            {
                var at = c.Document.Find(h.At.Text, h.At.Caret);
                var text = await c.Session.HoverAsync(c.Document, at, c.Options.EditTimeout);
                Console.WriteLine($"lsp-check: {c.Name}: hover on {h.At} at {at}: {(text is null ? "(none)" : "\"" + OneLine(text) + "\"")}");
                if (text is null || !text.Contains(h.Expected, StringComparison.Ordinal))
                    c.Fail($"hover on {h.At} should show \"{h.Expected}\", shows {(text is null ? "nothing" : "\"" + OneLine(text) + "\"")}");
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or LspErrorException or IOException)
            {
                c.Fail($"hover on {h.At}: {e.Message}");
            }
        }
        foreach (var d in c.Folder.Lsp.Definitions)
        {
            try
            {
                await DefinitionAsync(c, d);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or LspErrorException or IOException)
            {
                c.Fail($"definition of {d.At}: {e.Message}");
            }
        }
    }

    /// <summary>The server must answer a csharp:/…/generated/HINT location (csharp.useMetadataUris) whose source, read
    /// back with csharp/metadata, has the name under the cursor at that range on a line with the expected text.</summary>
    private static async Task DefinitionAsync(FolderCheck c, DefinitionExpectation d)
    {
        var at = c.Document.Find(d.At.Text, d.At.Caret);
        string name = IdentifierAt(d.At.Text, d.At.Caret);
        var locations = await c.Session.DefinitionAsync(c.Document, at, c.Options.EditTimeout);
        Console.WriteLine($"lsp-check: {c.Name}: definition of {d.At}: {(locations.Count == 0 ? "none" : string.Join(", ", locations.Select(l => $"{l.Uri} {l.Range}")))}");
        var generated = locations.Where(l => l.Uri.StartsWith("csharp:/", StringComparison.Ordinal) && l.Uri.Contains("/generated/", StringComparison.Ordinal)
                                              && l.Uri.EndsWith(d.GeneratedFile, StringComparison.Ordinal)).ToList();
        if (generated.Count != 1)
        {
            c.Fail($"definition of {d.At} should reach one location in the generated {d.GeneratedFile}, got {locations.Count} location(s)");
            return;
        }
        var (uri, range) = generated[0];
        var source = await c.Session.MetadataSourceAsync(uri, c.Options.EditTimeout);
        if (source is null)
        {
            c.Fail($"csharp/metadata gave no source for {uri}");
            return;
        }
        var target = new TextDocument(uri, d.GeneratedFile, source);
        var lines = source.Split('\n');
        if (range.Start.Line >= lines.Length)
        {
            c.Fail($"definition of {d.At} points at line {range.Start.Line + 1} of {d.GeneratedFile}, which has {lines.Length} lines");
            return;
        }
        var line = lines[range.Start.Line].TrimEnd('\r').Trim();
        var doc = range.Start.Line > 0 ? lines[range.Start.Line - 1].Trim() : "";
        Console.WriteLine($"    {d.GeneratedFile}:{range.Start}: `{line}`" + (doc.StartsWith("///", StringComparison.Ordinal) ? $" after `{doc}`" : ""));
        if (target.TextOf(range) != name) c.Fail($"definition of {d.At} lands on \"{target.TextOf(range)}\" in {d.GeneratedFile}, not on {name}");
        if (!line.Contains(d.Line, StringComparison.Ordinal)) c.Fail($"definition of {d.At} lands on `{line}`, expected a line with `{d.Line}`");
    }

    private static string IdentifierAt(string text, int caret)
    {
        int start = caret, end = caret;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return text.Substring(start, end - start);
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)));
}
