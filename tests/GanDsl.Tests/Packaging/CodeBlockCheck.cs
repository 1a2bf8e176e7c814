using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Tests.Packaging;

/// <summary>Compiles one documentation block as a user's whole file (a program when it has top-level statements),
/// with GanDsl's generator and analyzer, and says what is wrong with it.</summary>
internal static class CodeBlockCheck
{
    public static IReadOnlyList<string> Problems(CSharpBlock block)
    {
        var diagnostics = Diagnose(block.Code);
        var gan = diagnostics.Where(d => d.Id.StartsWith("GAN", System.StringComparison.Ordinal)
                                         && d.Severity >= DiagnosticSeverity.Warning).ToList();
        var otherErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !gan.Contains(d)).ToList();
        var problems = otherErrors.Select(d => d.ToString()).ToList();
        var expected = block.ExpectedDiagnostics.ToHashSet();
        var reported = gan.Select(d => d.Id).ToHashSet();
        foreach (var d in gan.Where(d => !expected.Contains(d.Id))) problems.Add("unexpected " + d);
        foreach (var id in expected.Where(id => !reported.Contains(id))) problems.Add($"the block is marked misfit {id} but {id} is not reported");
        return problems;
    }

    private static ImmutableArray<Diagnostic> Diagnose(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: "Block.cs");
        var isProgram = tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(tree);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(
            isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var all = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GanModelAnalyzer()))
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return all.AddRange(generatorDiagnostics);
    }
}
