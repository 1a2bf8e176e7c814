using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Tests.Generator;

/// <summary>Compiles sources in memory (reference assemblies from Basic.Reference.Assemblies, no network),
/// runs the generator and the analyzer, and returns everything a test needs to assert on.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    internal static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
            })
            .ToImmutableArray());

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserModels",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Models{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the SDK does: TorchSharp is built against an older System.Runtime.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new GanSourceGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GanModelAnalyzer()))
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var run = driver.GetRunResult();
        AssertNoDuplicates(analyzerDiagnostics);
        return new GeneratorResult(
            run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString()),
            generatorDiagnostics.Concat(run.Results.Where(r => r.Exception is not null)
                .Select(r => Diagnostic.Create("TEST-EXCEPTION", "Test", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0))).ToImmutableArray(),
            analyzerDiagnostics);
    }

    /// <summary>The same diagnostic (ID, place and message) twice is a defect in itself, whatever a test expects.</summary>
    public static void AssertNoDuplicates(IEnumerable<Diagnostic> diagnostics)
    {
        var repeated = diagnostics.GroupBy(d => (d.Id, d.Location, Message: d.GetMessage()))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()} x {g.First()}")
            .ToList();
        Xunit.Assert.True(repeated.Count == 0, "reported more than once:\n" + string.Join("\n", repeated));
    }

    /// <summary>True for the declaration half GanDsl writes for a model with errors (its header says so).</summary>
    public static bool IsDeclarationOnly(string generated) =>
        generated.Contains("\n" + GanDsl.Generators.Emitting.DeclarationHalfEmitter.Marker, StringComparison.Ordinal);
}

/// <summary>Generated files by hint name, the generator's own diagnostics (must stay empty), and every diagnostic of
/// the compilation with the generated code and the analyzer (compiler errors, GANxxx, AD0001).</summary>
internal sealed record GeneratorResult(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<Diagnostic> Gan => Diagnostics.Where(d => d.Id.StartsWith("GAN", StringComparison.Ordinal));
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public string Describe() => string.Join("\n", Diagnostics.Concat(GeneratorDiagnostics).Select(d => d.ToString()));
}
