using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.LspClient;

namespace GanDsl.LspCheck;

/// <summary>Edits typed through didChange (one range edit each, as an editor sends it): each must clear or add exactly
/// one squiggle of its ID at the edited text and leave every other GAN diagnostic as it was; undoing them all must
/// bring back the first squiggles exactly.</summary>
internal static class Edits
{
    public static async Task RunAsync(FolderCheck c, Publication first)
    {
        if (c.Folder.Lsp.Edits.Count == 0) return;
        string original = c.Document.Text;
        var current = FolderCheck.Gan(first);
        foreach (var edit in c.Folder.Lsp.Edits)
        {
            var after = await ApplyAsync(c, edit, current);
            if (after is null) return; // later edits assume this one took effect
            current = after;
        }

        var (sequence, sent) = await c.Session.ChangeAsync(c.Document, original);
        var firstKeys = Keys(FolderCheck.Gan(first), withRange: true);
        var back = await c.Session.Diagnostics.WaitAsync(c.Document.Uri, sequence,
            p => Keys(FolderCheck.Gan(p), withRange: true).SequenceEqual(firstKeys), c.Options.EditTimeout);
        if (back is null)
            c.Fail($"after undoing the edits the squiggles are not the first ones again: {FolderCheck.Describe(FolderCheck.Gan(c.Session.Diagnostics.Latest(c.Document.Uri)!))}");
        else
            Console.WriteLine($"lsp-check: {c.Name}: undoing the edits brought back the first {firstKeys.Count} GAN squiggles after {(back.At - sent).TotalSeconds:F2} s");
    }

    /// <summary>Applies one edit and checks the squiggles it causes; returns the GAN diagnostics after it, or null.</summary>
    private static async Task<List<LspDiagnostic>?> ApplyAsync(FolderCheck c, EditExpectation edit, List<LspDiagnostic> before)
    {
        var doc = c.Document;
        int at = doc.Text.IndexOf(edit.Find, StringComparison.Ordinal);
        if (at < 0)
        {
            c.Fail($"edit {edit}: '{edit.Find}' is not in the file");
            return null;
        }
        // The squiggle an edit that clears must remove: one of its ID overlapping the text it replaces.
        LspDiagnostic? cleared = null;
        if (edit.Clears)
        {
            cleared = before.FirstOrDefault(d => d.Code == edit.Id && doc.OffsetOf(d.Range.Start) < at + edit.Find.Length && doc.OffsetOf(d.Range.End) > at);
            if (cleared is null)
            {
                c.Fail($"edit {edit}: no {edit.Id} squiggle on '{edit.Find}' before the edit");
                return null;
            }
        }
        int countBefore = before.Count(d => d.Code == edit.Id);
        int countAfter = edit.Clears ? countBefore - 1 : countBefore + 1;
        string newText = doc.Text.Remove(at, edit.Find.Length).Insert(at, edit.Replace);
        var (sequence, sent) = await c.Session.ChangeAsync(doc, newText);
        var published = await c.Session.Diagnostics.WaitAsync(doc.Uri, sequence,
            p => p.Diagnostics.Count(d => d.Code == edit.Id) == countAfter, c.Options.EditTimeout);
        if (published is null)
        {
            var latest = c.Session.Diagnostics.Latest(doc.Uri);
            c.Fail($"edit {edit}: no squiggles with {countAfter} {edit.Id} within {c.Options.EditTimeout.TotalSeconds:F0} s; shown: {FolderCheck.Describe(latest is null ? Array.Empty<LspDiagnostic>() : FolderCheck.Gan(latest))}");
            return null;
        }
        var after = FolderCheck.Gan(published);
        double seconds = (published.At - sent).TotalSeconds;

        // Compare by ID and message (positions below the edit move): exactly the expected one gone or added.
        var expected = Keys(before, withRange: false);
        var actual = Keys(after, withRange: false);
        List<string> added = Minus(actual, expected), removed = Minus(expected, actual);
        if (edit.Clears)
        {
            var wanted = new List<string> { Key(cleared!, withRange: false) };
            if (added.Count > 0 || !removed.SequenceEqual(wanted))
                c.Fail($"edit {edit}: expected only \"{wanted[0]}\" to go; gone: [{string.Join(" | ", removed)}], new: [{string.Join(" | ", added)}]");
            else
                Console.WriteLine($"lsp-check: {c.Name}: edit {edit}: {edit.Id} squiggle gone {seconds:F2} s after didChange; the other {after.Count} GAN squiggles unchanged");
        }
        else
        {
            var fresh = after.Where(d => d.Code == edit.Id && added.Contains(Key(d, withRange: false))).ToList();
            // On the attribute that was edited: the squiggle overlaps the typed text.
            bool onEdit = fresh.Count == 1 && doc.OffsetOf(fresh[0].Range.Start) < at + edit.Replace.Length && doc.OffsetOf(fresh[0].Range.End) > at;
            if (removed.Count > 0 || added.Count != 1 || !onEdit)
                c.Fail($"edit {edit}: expected one new {edit.Id} on '{edit.Replace}'; new: [{FolderCheck.Describe(fresh)}] ({added.Count} new in all), gone: [{string.Join(" | ", removed)}]");
            else
                Console.WriteLine($"lsp-check: {c.Name}: edit {edit}: new squiggle {seconds:F2} s after didChange: {fresh[0]} on \"{doc.TextOf(fresh[0].Range)}\"; the other {before.Count} unchanged");
        }
        return after;
    }

    private static string Key(LspDiagnostic d, bool withRange) => (withRange ? d.Range + " " : "") + d.Severity + " " + d.Code + ": " + d.Message;

    private static List<string> Keys(IEnumerable<LspDiagnostic> diagnostics, bool withRange) =>
        diagnostics.Select(d => Key(d, withRange)).OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Multiset difference of two sorted key lists.</summary>
    private static List<string> Minus(List<string> a, List<string> b)
    {
        var rest = new List<string>(b);
        var result = new List<string>();
        foreach (var k in a)
            if (!rest.Remove(k)) result.Add(k);
        return result;
    }
}
