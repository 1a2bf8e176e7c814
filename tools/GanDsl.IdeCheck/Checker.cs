using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace GanDsl.IdeCheck;

/// <summary>What an IDE does with a project: load it through MSBuild, compile it with its source generators, run
/// its analyzers, and ask the code fix providers shipped beside them what they offer.</summary>
internal static class Checker
{
    public static async Task<int> RunAsync(Options options)
    {
        var path = Path.GetFullPath(options.Project);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"ide-check: FAILED: no project at {path}");
            return 2;
        }

        using var workspace = MSBuildWorkspace.Create(options.Properties);
        var loadProblems = new List<string>();
        workspace.WorkspaceFailed += (_, e) => loadProblems.Add($"{e.Diagnostic.Kind}: {e.Diagnostic.Message}");

        Project project;
        try
        {
            project = await workspace.OpenProjectAsync(path);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ide-check: FAILED: could not open {path}: {e.Message}");
            foreach (var p in loadProblems) Console.Error.WriteLine("  " + p);
            return 2;
        }
        Console.WriteLine($"ide-check: opened {project.Name} ({project.Documents.Count()} documents, {project.MetadataReferences.Count} references, {project.AnalyzerReferences.Count} analyzer references)");
        foreach (var p in loadProblems) Console.WriteLine("  workspace: " + p);
        if (loadProblems.Any(p => p.StartsWith(nameof(WorkspaceDiagnosticKind.Failure), StringComparison.Ordinal)) && !project.Documents.Any())
        {
            Console.Error.WriteLine("ide-check: FAILED: the project did not load");
            return 2;
        }

        var failures = new List<string>();

        // In Roslyn 4.x workspaces, GetCompilationAsync runs the source generators of the project's analyzer references.
        var compilation = await project.GetCompilationAsync();
        if (compilation is null)
        {
            Console.Error.WriteLine("ide-check: FAILED: no compilation for the project");
            return 2;
        }
        var generated = (await project.GetSourceGeneratedDocumentsAsync()).ToList();
        Console.WriteLine($"ide-check: {generated.Count} source-generated documents: {string.Join(", ", generated.Select(d => d.HintName))}");
        foreach (var suffix in options.ExpectedGenerated)
            if (!generated.Any(d => d.HintName.EndsWith(suffix, StringComparison.Ordinal)))
                failures.Add($"no source-generated document ends with '{suffix}'");

        var analyzerReferences = project.AnalyzerReferences.ToList();
        var loadFailures = new List<string>();
        foreach (var reference in analyzerReferences.OfType<AnalyzerFileReference>())
            reference.AnalyzerLoadFailed += (_, e) => loadFailures.Add($"{Path.GetFileName(reference.FullPath)}: {e.Message}");
        var analyzersByReference = analyzerReferences
            .Select(r => (Reference: r, Analyzers: r.GetAnalyzers(project.Language)))
            .ToList();
        var analyzers = analyzersByReference.SelectMany(x => x.Analyzers).ToImmutableArray();
        Console.WriteLine($"ide-check: running {analyzers.Length} analyzers from {analyzerReferences.Count} references");
        foreach (var f in loadFailures.Distinct()) Console.WriteLine("  analyzer load failure: " + f);

        var all = await DiagnoseAsync(project, compilation, analyzers);
        var found = all.Where(d => d.Id.StartsWith(options.IdPrefix, StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        var others = all.Except(found).GroupBy(d => d.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}(s) [{string.Join(", ", g.Select(d => d.Id).Distinct().Take(8))}]");
        Console.WriteLine($"ide-check: {found.Count} {options.IdPrefix}* diagnostics; other diagnostics: {string.Join(", ", others.DefaultIfEmpty("none"))}");

        var fixProviders = LoadFixProviders(analyzersByReference, found.Select(d => d.Id).Concat(options.ExpectedFixProviders).ToHashSet());
        foreach (var diagnostic in found)
        {
            Console.WriteLine("  " + Describe(diagnostic));
            Console.WriteLine($"    span: \"{SpanText(diagnostic)}\"");
            var titles = (await FixesAsync(project, diagnostic, fixProviders)).Select(a => a.Title).ToList();
            Console.WriteLine("    code fixes: " + (titles.Count == 0 ? "none offered" : string.Join("; ", titles.Select(t => $"\"{t}\""))));
        }
        foreach (var id in options.ExpectedFixProviders)
        {
            var providers = fixProviders.Where(p => p.FixableDiagnosticIds.Contains(id)).Select(p => p.GetType().Name).ToList();
            Console.WriteLine($"ide-check: code fix providers for {id}: {(providers.Count == 0 ? "none" : string.Join(", ", providers))}");
            if (providers.Count == 0) failures.Add($"no code fix provider for {id} ships beside the analyzer that reports it");
        }

        var unmatched = new List<Diagnostic>(found);
        foreach (var expectation in options.Expectations)
        {
            var at = unmatched.FirstOrDefault(d => d.Id == expectation.Id && Matches(d, expectation));
            if (at is null)
            {
                var sameId = found.Where(d => d.Id == expectation.Id).Select(Describe).ToList();
                failures.Add($"expected {expectation}, but it was not reported" +
                    (sameId.Count == 0 ? "" : "; " + expectation.Id + " was reported as: " + string.Join(" | ", sameId)));
                continue;
            }
            unmatched.Remove(at);
            var message = at.GetMessage();
            if (expectation.Message is not null && message != expectation.Message)
                failures.Add($"{expectation.Id} at {expectation.File}:{expectation.Line}:{expectation.Column}: message is \"{message}\", expected \"{expectation.Message}\"");
            var span = SpanText(at);
            if (expectation.SpanText is not null && span != expectation.SpanText)
                failures.Add($"{expectation.Id} at {expectation.File}:{expectation.Line}:{expectation.Column}: span covers \"{span}\", expected \"{expectation.SpanText}\"");
            var severity = at.Severity.ToString().ToLowerInvariant();
            if (expectation.Severity is not null && severity != expectation.Severity)
                failures.Add($"{expectation.Id} at {expectation.File}:{expectation.Line}:{expectation.Column}: severity is {severity}, expected {expectation.Severity}");
            if (expectation.FixTitle is not null)
                failures.AddRange(await CheckFixAsync(project, at, expectation.FixTitle, fixProviders, analyzers, all,
                    await FullHalvesAsync(generated)));
        }
        if (!options.AllowExtra)
            failures.AddRange(unmatched.Select(d => "unexpected diagnostic: " + Describe(d)));

        if (failures.Count == 0)
        {
            Console.WriteLine($"ide-check: OK ({options.Expectations.Count} expected diagnostics found with their positions, messages and spans)");
            return 0;
        }
        foreach (var failure in failures) Console.Error.WriteLine("ide-check: FAILED: " + failure);
        return 1;
    }

    private static bool Matches(Diagnostic diagnostic, Expectation expectation)
    {
        if (!diagnostic.Location.IsInSource) return false;
        var position = diagnostic.Location.GetLineSpan();
        return expectation.FileMatches(position.Path)
            && position.StartLinePosition.Line + 1 == expectation.Line
            && position.StartLinePosition.Character + 1 == expectation.Column;
    }

    /// <summary>Compiler format, 1-based, as the build prints it: File.cs(12,2): error GAN001: message.</summary>
    private static string Describe(Diagnostic d)
    {
        var where = d.Location.IsInSource
            ? $"{Path.GetFileName(d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})"
            : "(no source location)";
        return $"{where}: {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage()}";
    }

    private static string SpanText(Diagnostic d) =>
        d.Location.SourceTree is { } tree ? tree.GetText().ToString(d.Location.SourceSpan) : "";

    /// <summary>Code fix providers from the analyzer assemblies that sit in the same folder as an analyzer supporting
    /// one of <paramref name="ids"/> (for a package: its analyzers/dotnet/cs folder), as an IDE would find them.</summary>
    private static List<CodeFixProvider> LoadFixProviders(
        List<(AnalyzerReference Reference, ImmutableArray<DiagnosticAnalyzer> Analyzers)> references, HashSet<string> ids)
    {
        var folders = references
            .Where(x => x.Reference.FullPath is not null && x.Analyzers.Any(a => a.SupportedDiagnostics.Any(s => ids.Contains(s.Id))))
            .Select(x => Path.GetDirectoryName(x.Reference.FullPath!))
            .ToHashSet(StringComparer.Ordinal);
        var providers = new List<CodeFixProvider>();
        foreach (var reference in references.Select(x => x.Reference))
        {
            if (reference.FullPath is not { } file || !folders.Contains(Path.GetDirectoryName(file))) continue;
            Type?[] types;
            try
            {
                types = Assembly.LoadFrom(file).GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }
            catch (Exception e)
            {
                Console.WriteLine($"  could not load {Path.GetFileName(file)} for code fixes: {e.Message}");
                continue;
            }
            foreach (var type in types)
            {
                if (type is null || type.IsAbstract || !typeof(CodeFixProvider).IsAssignableFrom(type)) continue;
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                if (export is null || !export.Languages.Contains(LanguageNames.CSharp)) continue;
                if (Activator.CreateInstance(type) is CodeFixProvider provider) providers.Add(provider);
            }
        }
        return providers;
    }

    /// <summary>The project's diagnostics with its analyzers, as the IDE computes them.</summary>
    private static async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(Project project, Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        analyzers.IsEmpty
            ? compilation.GetDiagnostics()
            : await compilation
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null,
                    concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync();

    /// <summary>The code fixes the providers offer for a diagnostic (nested actions flattened), as the light bulb lists them.</summary>
    private static async Task<List<CodeAction>> FixesAsync(Project project, Diagnostic diagnostic, List<CodeFixProvider> providers)
    {
        var actions = new List<CodeAction>();
        if (diagnostic.Location.SourceTree is not { } tree || project.GetDocument(tree) is not { } document) return actions;
        foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => Collect(action, actions), CancellationToken.None));
        return actions;
    }

    /// <summary>Applies the fix titled <paramref name="title"/> to a copy of the solution (nothing is written to disk),
    /// compiles it again with generators and analyzers as the IDE would, and requires the diagnostic gone with no
    /// other error added. Returns the failures.</summary>
    private static async Task<List<string>> CheckFixAsync(Project project, Diagnostic diagnostic, string title,
        List<CodeFixProvider> providers, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<Diagnostic> before,
        HashSet<string> fullBefore)
    {
        var where = Describe(diagnostic);
        if (diagnostic.Location.SourceTree is not { } tree || project.GetDocument(tree) is not { } document)
            return new List<string> { $"{where}: no document to fix" };
        var actions = await FixesAsync(project, diagnostic, providers);
        var action = actions.FirstOrDefault(a => a.Title == title);
        if (action is null)
            return new List<string> { $"{where}: fix \"{title}\" not offered (offered: {string.Join("; ", actions.Select(a => a.Title))})" };

        var change = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().SingleOrDefault();
        if (change is null) return new List<string> { $"{where}: fix \"{title}\" changes nothing" };
        var fixedProject = change.ChangedSolution.GetProject(project.Id)!;
        var after = await DiagnoseAsync(fixedProject, (await fixedProject.GetCompilationAsync())!, analyzers);

        var failures = new List<string>();
        // Errors are compared as ID + message (positions move when a fix inserts text): after the fix, every error
        // must have been there before, and the fixed diagnostic must be gone, once.
        static string Key(Diagnostic d) => d.Id + ": " + d.GetMessage();
        var errorsBefore = before.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Key).ToList();
        var errorsAfter = after.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Key).ToList();
        if (after.Count(d => d.Id == diagnostic.Id) != before.Count(d => d.Id == diagnostic.Id) - 1
            || after.Count(d => Key(d) == Key(diagnostic)) >= before.Count(d => Key(d) == Key(diagnostic)))
            failures.Add($"{where}: after \"{title}\" the diagnostic is still reported");
        var added = errorsAfter.GroupBy(k => k).Where(g => g.Count() > errorsBefore.Count(k => k == g.Key)).Select(g => g.Key).ToList();
        if (added.Count > 0) failures.Add($"{where}: \"{title}\" adds errors: " + string.Join(" | ", added));

        // The generator must still produce every full half it produced before (a fix that breaks generation silently
        // would otherwise pass), and GAN000 must not appear.
        var fullAfter = await FullHalvesAsync(await fixedProject.GetSourceGeneratedDocumentsAsync());
        var lost = fullBefore.Except(fullAfter).ToList();
        if (lost.Count > 0) failures.Add($"{where}: after \"{title}\" the generator no longer produces {string.Join(", ", lost)}");
        if (after.Any(d => d.Id == "GAN000")) failures.Add($"{where}: after \"{title}\" the generator reports GAN000");
        int generatedMore = fullAfter.Count - fullBefore.Count;
        // Each misfit has one problem, so once it is fixed GanDsl writes that class's full generated half (before, the
        // class had only its declaration half, or none).
        if (generatedMore < 1) failures.Add($"{where}: after \"{title}\" no new full generated half: the class is still declaration-only");

        // The line the fix edits: the diagnostic's own, or (GAN001) the generator's last layer, passed as its additional location.
        var edited = diagnostic.AdditionalLocations.FirstOrDefault(l => l.SourceTree is not null) ?? diagnostic.Location;
        var editedDocument = change.ChangedSolution.GetDocument(project.GetDocument(edited.SourceTree!)?.Id ?? document.Id)!;
        var text = (await editedDocument.GetTextAsync()).Lines[edited.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        Console.WriteLine($"    applied \"{title}\" in the workspace: line is now `{text}`; {diagnostic.Id} gone: {(failures.Count == 0 ? "yes, no new errors" : "NO")}; full generated halves {fullBefore.Count} -> {fullAfter.Count} ({generatedMore:+0;-0;0})");
        return failures;
    }

    /// <summary>Hint names of the generated documents that are full generated halves, not the declaration half GanDsl
    /// writes for a model with errors (whose header has a line starting "// Declaration only:").</summary>
    private static async Task<HashSet<string>> FullHalvesAsync(IEnumerable<SourceGeneratedDocument> documents)
    {
        var full = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
            if (!(await document.GetTextAsync()).ToString().Contains("\n// Declaration only:", StringComparison.Ordinal))
                full.Add(document.HintName);
        return full;
    }

    private static void Collect(CodeAction action, List<CodeAction> actions)
    {
        if (action.NestedActions.IsEmpty) actions.Add(action);
        else foreach (var nested in action.NestedActions) Collect(nested, actions);
    }
}
