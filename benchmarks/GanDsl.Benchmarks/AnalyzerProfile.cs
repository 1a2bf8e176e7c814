using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.Generators;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Benchmarks;

/// <summary>
/// Where an edit's time goes, in process, for the projects of <see cref="IdeLatencyBenchmark"/> (the edited
/// discriminator and N - 1 other models, generated code included): csharp-ls 0.28 answers every edit with the
/// diagnostics of the whole compilation (compiler and all analyzers, every file), so this times those parts on a new
/// compilation after the edit, and the same for the edited file alone (what a per-file server would compute).
/// Medians over rounds; each round edits the file (misfit, then fitting again) and starts from nothing bound.
/// </summary>
internal static class AnalyzerProfile
{
    private sealed record Round(double Generator, double Compiler, double GeneratedOnly, double Analyzer, double FileOnly, int Gan);

    public static async Task RunAsync(IReadOnlyList<int> modelCounts, int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToArray();
        Console.WriteLine();
        Console.WriteLine($"Where an edit's time goes, in process (median of {rounds} rounds; each a new compilation after the edit):");
        Console.WriteLine("  generator: GanDsl's generator driver after the edit (incremental, same driver)");
        Console.WriteLine("  compiler, whole compilation: Compilation.GetDiagnostics() with the generated files, nothing bound before");
        Console.WriteLine("  compiler, generated files: the semantic diagnostics of GanDsl's generated files alone, nothing bound before");
        Console.WriteLine("  GanDsl analyzer: Roslyn's time in its callbacks over the whole compilation, on a new compilation, so it includes");
        Console.WriteLine("    binding the attributes and members it reads (the compiler binds them too, in the same pass in a server)");
        Console.WriteLine("  edited file only: compiler and GanDsl analyzer diagnostics of the edited file, on a new compilation");
        Console.WriteLine("| models | generator ms | compiler, whole compilation ms | compiler, generated files ms | GanDsl analyzer ms | GanDsl analyzer ms/model | edited file only ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        await MeasureAsync(references, 30, 3); // warm-up: JIT of Roslyn and GanDsl
        foreach (int models in modelCounts)
        {
            var r = await MeasureAsync(references, models, rounds);
            double M(Func<Round, double> f) => TrainStepBenchmark.Median(r.Select(f).ToList());
            Console.WriteLine($"| {models} | {M(x => x.Generator):F1} | {M(x => x.Compiler):F0} | {M(x => x.GeneratedOnly):F0} | {M(x => x.Analyzer):F1} | {M(x => x.Analyzer) / models:F3} | {M(x => x.FileOnly):F1} |");
            if (r.Where((_, i) => i % 2 == 0).Any(x => x.Gan != 1)) throw new InvalidOperationException("the misfit edit did not give exactly one GAN diagnostic");
        }
    }

    private static async Task<List<Round>> MeasureAsync(MetadataReference[] references, int models, int rounds)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        int others = models - 1;
        var trees = Enumerable.Range(0, others / 3).Select(i => ModelSources.Triple(i))
            .Concat(others % 3 == 0 ? Array.Empty<string>() : new[] { ModelSources.Triple(others / 3, others % 3) })
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, $"Models{i}.cs"))
            .ToList();
        var fitting = CSharpSyntaxTree.ParseText(LatencyProject.EditedSource, parse, LatencyProject.EditedFile);
        var misfit = CSharpSyntaxTree.ParseText(LatencyProject.EditedSource.Replace(LatencyProject.Fitting, LatencyProject.Misfit, StringComparison.Ordinal), parse, LatencyProject.EditedFile);

        var analyzer = new GanModelAnalyzer();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new GanSourceGenerator().AsSourceGenerator() }, parseOptions: parse);
        var result = new List<Round>();
        for (int r = 0; r < rounds; r++)
        {
            var edited = r % 2 == 0 ? misfit : fitting;
            Compilation Fresh() => CSharpCompilation.Create("Bench", trees.Append(edited), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(Fresh(), out var compilation, out _);
            double generator = clock.Elapsed.TotalMilliseconds;
            var generated = compilation.SyntaxTrees.Where(t => !trees.Contains(t) && t != edited).ToList();
            Compilation WithGenerated() => Fresh().AddSyntaxTrees(generated);

            clock.Restart();
            compilation.GetDiagnostics();
            double compiler = clock.Elapsed.TotalMilliseconds;

            var generatedOnly = WithGenerated();
            clock.Restart();
            foreach (var tree in generatedOnly.SyntaxTrees.Where(t => generated.Any(g => g.FilePath == t.FilePath)))
                generatedOnly.GetSemanticModel(tree).GetDiagnostics();
            double generatedCompile = clock.Elapsed.TotalMilliseconds;

            // CompilationWithAnalyzers works on its own copy of the compilation, so nothing is bound here either.
            var analysis = WithGenerated().WithAnalyzers(analyzers, options);
            var found = await analysis.GetAnalyzerDiagnosticsAsync();
            double analyzerTime = (await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;

            var file = WithGenerated();
            clock.Restart();
            var model = file.GetSemanticModel(file.SyntaxTrees.Single(t => t.FilePath == LatencyProject.EditedFile));
            model.GetDiagnostics();
            await file.WithAnalyzers(analyzers, options).GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, default);
            double fileOnly = clock.Elapsed.TotalMilliseconds;

            result.Add(new Round(generator, compiler, generatedCompile, analyzerTime, fileOnly, found.Length));
        }
        return result;
    }
}
