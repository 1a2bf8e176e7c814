using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GanDsl.Generators.Diagnostics;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GanDsl.Tests.CodeFixes;

/// <summary>
/// Code fixes the way an IDE applies them, offline: one document in an <see cref="AdhocWorkspace"/> project with the
/// same references and options as <see cref="GeneratorHarness"/>; diagnostics come from compiling the project with
/// the generator and the analyzer; a fix's operations are applied and the result recompiled.
/// </summary>
internal static class CodeFixHarness
{
    public const string FileName = "Models0.cs";

    public static Document Open(string source) => Open(new[] { source })[0];

    /// <summary>One project with a document per source (Models0.cs, Models1.cs, ...).</summary>
    public static Document[] Open(string[] sources)
    {
        var template = GeneratorHarness.Compilation();
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "UserModels", "UserModels", LanguageNames.CSharp,
                compilationOptions: template.Options, parseOptions: GeneratorHarness.ParseOptions,
                metadataReferences: template.References));
        var ids = new List<DocumentId>();
        for (int i = 0; i < sources.Length; i++)
        {
            var id = DocumentId.CreateNewId(projectId);
            string name = i == 0 ? FileName : $"Models{i}.cs";
            solution = solution.AddDocument(id, name, SourceText.From(sources[i]), filePath: name);
            ids.Add(id);
        }
        Assert.True(workspace.TryApplyChanges(solution));
        return ids.Select(id => workspace.CurrentSolution.GetDocument(id)!).ToArray();
    }

    /// <summary>Every diagnostic of the project compiled with the generator's output and the analyzer.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var all = await output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GanModelAnalyzer()))
            .GetAllDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(all, d => d.Id is "AD0001" or "CS8785");
        GeneratorHarness.AssertNoDuplicates(all);
        return all;
    }

    public static async Task<Diagnostic> SingleAsync(Document document, string id)
    {
        var diagnostics = await DiagnoseAsync(document.Project);
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n{Describe(diagnostics)}");
        return matching[0];
    }

    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies the action as the IDE does (its operations, then the workspace change).</summary>
    public static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var workspace = document.Project.Solution.Workspace;
        Assert.True(workspace.TryApplyChanges(apply.ChangedSolution));
        return workspace.CurrentSolution.GetDocument(document.Id)!;
    }

    public static async Task<string> TextAsync(Document document) => Normalize((await document.GetTextAsync()).ToString());

    /// <summary>Recompiles after a fix: no error of any kind may be left (GANxxx, compiler, generated code), and
    /// nothing with the fixed diagnostic's ID.</summary>
    public static async Task AssertCleanAsync(Document document, string fixedId)
    {
        var diagnostics = await DiagnoseAsync(document.Project);
        Assert.DoesNotContain(diagnostics, d => d.Id == fixedId);
        Assert.True(!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Describe(diagnostics));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Feeds a Fix All with diagnostics computed the same way as <see cref="DiagnoseAsync"/>.</summary>
    public sealed class DiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await DiagnoseAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await DiagnoseAsync(project)).Where(d => d.Location.IsInSource);
    }
}
