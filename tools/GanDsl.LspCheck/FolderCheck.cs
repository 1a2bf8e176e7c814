using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.IdeCheck;
using GanDsl.LspClient;

namespace GanDsl.LspCheck;

/// <summary>The checks on one opened file: first squiggles, code actions, navigation, edits.</summary>
internal sealed class FolderCheck
{
    public FolderCheck(LanguageServerSession session, Options options, FolderOptions folder, TextDocument document,
        TimeSpan openedAt, List<string> failures)
    {
        Session = session;
        Options = options;
        Folder = folder;
        Document = document;
        OpenedAt = openedAt;
        Failures = failures;
    }

    public LanguageServerSession Session { get; }
    public Options Options { get; }
    public FolderOptions Folder { get; }
    public TextDocument Document { get; }
    public TimeSpan OpenedAt { get; }
    public List<string> Failures { get; }
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder.Folder)) + "/" + Folder.File;

    public void Fail(string message) => Failures.Add($"{Name}: {message}");

    public static List<LspDiagnostic> Gan(Publication p) =>
        p.Diagnostics.Where(d => d.Code.StartsWith("GAN", StringComparison.Ordinal)).ToList();

    public async Task RunAsync()
    {
        var first = await FirstSquigglesAsync();
        if (first is null) return;
        var matched = CheckDiagnostics(first);
        await CheckCodeActionsAsync(matched);
        await Navigation.RunAsync(this);
        await Edits.RunAsync(this, first);
    }

    /// <summary>Waits for the first publishDiagnostics of the file that holds every expected GAN ID (for a file with
    /// no expectations, the first one: csharp-ls publishes only once the project is loaded and compiled with its
    /// generators and analyzers).</summary>
    private async Task<Publication?> FirstSquigglesAsync()
    {
        var wanted = (Folder.Diagnostics ?? new List<Expectation>()).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());
        bool Complete(Publication p) => wanted.All(w => p.Diagnostics.Count(d => d.Code == w.Key) >= w.Value);
        var first = await Session.Diagnostics.WaitAsync(Document.Uri, 0, Complete, Options.LoadTimeout);
        if (first is null)
        {
            var latest = Session.Diagnostics.Latest(Document.Uri);
            Fail($"no squiggles with {string.Join(", ", wanted.Select(w => $"{w.Value}x {w.Key}"))} within {Options.LoadTimeout.TotalSeconds:F0} s of opening; " +
                 (latest is null ? "the server published nothing for it" : $"its last publication ({latest.Diagnostics.Count} diagnostics) had these GAN ones: " + Describe(Gan(latest))));
            return null;
        }
        Console.WriteLine($"lsp-check: {Name}: first squiggles {(first.At - OpenedAt).TotalSeconds:F1} s after didOpen " +
                          $"({first.Diagnostics.Count} diagnostics, {Gan(first).Count} from GanDsl)");
        return first;
    }

    /// <summary>Every expected diagnostic at its exact range (start and squiggled text), with its message and its
    /// severity as the editor shows it; no other GAN diagnostic; for a file without expectations, no error at all.
    /// Returns the expectations with the diagnostic that met them.</summary>
    private List<(Expectation Expected, LspDiagnostic Shown)> CheckDiagnostics(Publication first)
    {
        var matched = new List<(Expectation, LspDiagnostic)>();
        var shown = Gan(first);
        foreach (var d in shown) Console.WriteLine($"  {d}\n    squiggled: \"{Document.TextOf(d.Range)}\"");
        if (Folder.Diagnostics is null)
        {
            var errors = first.Diagnostics.Where(d => d.Severity == "error").ToList();
            if (shown.Count > 0) Fail("expected no GAN diagnostics, got " + Describe(shown));
            if (errors.Count > 0) Fail("expected no errors, got " + Describe(errors));
            return matched;
        }
        int failuresBefore = Failures.Count;
        var unmatched = new List<LspDiagnostic>(shown);
        foreach (var e in Folder.Diagnostics)
        {
            if (!e.FileMatches(Document.Path)) { Fail($"{e} is for another file than {Document.Path}"); continue; }
            var at = new LspPosition(e.Line - 1, e.Column - 1);
            var d = unmatched.FirstOrDefault(x => x.Code == e.Id && x.Range.Start == at);
            if (d is null)
            {
                Fail($"expected {e}, but the editor shows no {e.Id} starting at {at}; {e.Id} shown: {Describe(shown.Where(x => x.Code == e.Id))}");
                continue;
            }
            unmatched.Remove(d);
            matched.Add((e, d));
            if (e.Message is not null && d.Message != e.Message) Fail($"{e.Id} at {at}: message \"{d.Message}\", expected \"{e.Message}\"");
            var squiggled = Document.TextOf(d.Range);
            if (e.SpanText is not null && squiggled != e.SpanText) Fail($"{e.Id} at {at}: squiggle covers \"{squiggled}\", expected \"{e.SpanText}\"");
            if (e.Severity is not null && d.Severity != e.Severity) Fail($"{e.Id} at {at}: shown as {d.Severity}, expected {e.Severity}");
        }
        foreach (var d in unmatched) Fail("unexpected squiggle: " + d);
        if (Failures.Count == failuresBefore)
            Console.WriteLine($"lsp-check: {Name}: {matched.Count} expected diagnostics shown at their ranges with their codes, severities and messages");
        return matched;
    }

    /// <summary>textDocument/codeAction on each diagnostic that has a GanDsl code fix: whether the server offers it.
    /// csharp-ls 0.28 offers only Roslyn's own fix providers, so the expected answer is set by --server-code-fixes
    /// and a change either way fails (the README says which).</summary>
    private async Task CheckCodeActionsAsync(List<(Expectation Expected, LspDiagnostic Shown)> matched)
    {
        foreach (var (e, d) in matched.Where(m => m.Expected.FixTitle is not null))
        {
            IReadOnlyList<string> titles;
            try
            {
                titles = await Session.CodeActionTitlesAsync(Document, d.Range, new[] { d }, Options.EditTimeout);
            }
            catch (Exception x) when (x is TimeoutException or LspErrorException or FormatException or IOException)
            {
                Fail($"textDocument/codeAction on {e.Id} at {d.Range.Start} failed: {x.Message}");
                continue;
            }
            bool offered = titles.Contains(e.FixTitle!);
            Console.WriteLine($"lsp-check: {Name}: code actions on {e.Id} at {d.Range.Start}: " +
                              (titles.Count == 0 ? "none" : string.Join("; ", titles.Select(t => $"\"{t}\""))) +
                              $" -> GanDsl's \"{e.FixTitle}\" {(offered ? "offered" : "not offered")}");
            if (offered && !Options.ServerOffersCodeFixes)
                Fail($"the server now offers GanDsl's fix \"{e.FixTitle}\" for {e.Id}: update the README's IDE section and run with --server-code-fixes offered");
            if (!offered && Options.ServerOffersCodeFixes)
                Fail($"the server does not offer GanDsl's fix \"{e.FixTitle}\" for {e.Id}");
        }
    }

    public static string Describe(IEnumerable<LspDiagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        return list.Count == 0 ? "none" : string.Join(" | ", list);
    }
}
