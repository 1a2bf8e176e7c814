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
/// Where an edit's analyzer time goes, in process: GanDsl's analyzer over a whole compilation of N models (the edited
/// discriminator and N - 1 others, generated code included), as a language server runs it after each edit (csharp-ls
/// analyzes the whole compilation of every new snapshot). Roslyn's own timing of the analyzer's callbacks
/// (logAnalyzerExecutionTime), median over rounds, each round a new compilation after the edit.
/// </summary>
internal static class AnalyzerProfile
{
    public static async Task RunAsync(IReadOnlyList<int> modelCounts, int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToArray();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        Console.WriteLine();
        Console.WriteLine($"GanDsl's analyzer over the whole compilation after an edit, in process (median of {rounds} rounds, Roslyn's analyzer execution time):");
        Console.WriteLine("| models | analyzer ms per edit | ms/model | GAN diagnostics after the misfit edit |");
        Console.WriteLine("|---:|---:|---:|---:|");
        await Measure(references, parse, 30, 3); // warm-up: JIT of Roslyn's analyzer driver and of GanDsl
        foreach (int models in modelCounts)
        {
            var (ms, diagnostics) = await Measure(references, parse, models, rounds);
            Console.WriteLine($"| {models} | {ms:F1} | {ms / models:F3} | {diagnostics} |");
        }
    }

    private static async Task<(double Ms, int Diagnostics)> Measure(MetadataReference[] references, CSharpParseOptions parse, int models, int rounds)
    {
        int others = models - 1;
        var trees = Enumerable.Range(0, others / 3).Select(i => ModelSources.Triple(i))
            .Concat(others % 3 == 0 ? Array.Empty<string>() : new[] { ModelSources.Triple(others / 3, others % 3) })
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, $"Models{i}.cs"))
            .ToList();
        string edited = "using GanDsl;\nnamespace Bench;\n[GanDiscriminator(1, 28, 28)]\n[Conv2d(16, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.2)]\n"
                        + LatencyProject.Fitting + "\npublic partial class EditedDiscriminator { }\n";
        var fitting = CSharpSyntaxTree.ParseText(edited, parse, LatencyProject.EditedFile);
        var misfit = CSharpSyntaxTree.ParseText(edited.Replace(LatencyProject.Fitting, LatencyProject.Misfit, StringComparison.Ordinal), parse, LatencyProject.EditedFile);

        var analyzer = new GanModelAnalyzer();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new GanSourceGenerator().AsSourceGenerator() }, parseOptions: parse);
        var times = new List<double>();
        int diagnostics = 0;
        for (int r = 0; r < rounds; r++)
        {
            var compilation = CSharpCompilation.Create("Bench", trees.Append(r % 2 == 0 ? misfit : fitting), references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var analysis = withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var found = await analysis.GetAnalyzerDiagnosticsAsync();
            var telemetry = await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            times.Add(telemetry.ExecutionTime.TotalMilliseconds);
            if (r % 2 == 0) diagnostics = found.Length; // the misfit rounds: one GAN004
            if (r % 2 == 0 && !found.Any(d => d.Id == "GAN004")) throw new InvalidOperationException("the misfit edit did not give GAN004");
        }
        return (TrainStepBenchmark.Median(times), diagnostics);
    }
}
