using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using GanDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanDsl.Benchmarks;

/// <summary>
/// What GanDsl adds to a build: the generator driver over compilations with 1, 10 and 100 models
/// (a model = one [GanGenerator], [GanDiscriminator] or [Gan] class), cold (fresh driver) and after an
/// unrelated edit (the same driver, one other file changed), with the fraction of pipeline outputs that were
/// Cached or Unchanged.
/// </summary>
internal static class BuildCostBenchmark
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    public static void Run(int repeats)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToArray();

        Console.WriteLine($"Generator cost per model (median of {repeats} runs; model = one attributed class)");
        Console.WriteLine("  'cached' = outputs of all tracked steps (Roslyn's own FAWMN steps included) that were Cached/Unchanged after the edit;");
        Console.WriteLine("  'GanDsl cached' = the same for GanDsl's named steps (models, checks); 'emitted' = source outputs re-run after the edit");
        Console.WriteLine("  'baseline edit ms' = the same edit with a generator that only makes GanDsl's three attribute lookups (AttributeOnlyGenerator)");
        Console.WriteLine($"  {"models",7} {"cold ms",9} {"ms/model",9} {"edit ms",9} {"ms/model",9} {"cached",8} {"GanDsl cached",14} {"emitted",8} {"baseline edit ms",17}");
        Measure(references, 1, repeats, new GanSourceGenerator()); // warm-up: JIT of Roslyn and the generators
        Measure(references, 1, repeats, new AttributeOnlyGenerator());
        foreach (int pairs in new[] { 1, 10, 100 })
        {
            var (cold, edit, cached, ours, emitted) = Measure(references, pairs, repeats, new GanSourceGenerator());
            var baseline = Measure(references, pairs, repeats, new AttributeOnlyGenerator());
            int models = pairs * 3;
            Console.WriteLine($"  {models,7} {cold,9:F2} {cold / models,9:F3} {edit,9:F2} {edit / models,9:F3} {cached,8:P1} {ours,14:P1} {emitted,8} {baseline.Edit,17:F2}");
        }
    }

    private static readonly string[] OurSteps =
    {
        GanSourceGenerator.TrackingNames.GeneratorModels, GanSourceGenerator.TrackingNames.DiscriminatorModels,
        GanSourceGenerator.TrackingNames.GanModels, GanSourceGenerator.TrackingNames.CheckedGenerators,
        GanSourceGenerator.TrackingNames.CheckedDiscriminators, GanSourceGenerator.TrackingNames.PairedGans,
        GanSourceGenerator.TrackingNames.CheckedGans,
    };

    private static bool IsCached(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static (double Cold, double Edit, double Cached, double OursCached, int Emitted) Measure(MetadataReference[] references, int pairs, int repeats, IIncrementalGenerator generator)
    {
        var trees = Enumerable.Range(0, pairs).Select(i => CSharpSyntaxTree.ParseText(Models(i), Parse, $"Models{i}.cs")).ToList();
        var unrelated = CSharpSyntaxTree.ParseText("namespace Bench; public class Unrelated { }", Parse, "Unrelated.cs");
        var compilation = CSharpCompilation.Create("Bench", trees.Append(unrelated), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("namespace Bench; public class Unrelated { public int Changed; }", Parse, "Unrelated.cs"));

        var cold = new List<double>();
        var edit = new List<double>();
        double cachedFraction = 0, oursCached = 0;
        int emitted = 0;
        for (int r = 0; r < repeats; r++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() },
                parseOptions: Parse, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            cold.Add(clock.Elapsed.TotalMilliseconds);
            if (generator is GanSourceGenerator && driver.GetRunResult().GeneratedTrees.Length != pairs * 3) throw new InvalidOperationException("the generator did not emit every model");

            clock.Restart();
            driver = driver.RunGenerators(edited);
            edit.Add(clock.Elapsed.TotalMilliseconds);
            var result = driver.GetRunResult().Results.Single();
            var outputs = result.TrackedSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).ToList();
            cachedFraction = outputs.Count == 0 ? 0 : outputs.Count(o => IsCached(o.Reason)) / (double)outputs.Count;
            var ours = OurSteps.Where(result.TrackedSteps.ContainsKey).SelectMany(n => result.TrackedSteps[n]).SelectMany(s => s.Outputs).ToList();
            oursCached = ours.Count == 0 ? 0 : ours.Count(o => IsCached(o.Reason)) / (double)ours.Count;
            emitted = result.TrackedOutputSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Count(o => !IsCached(o.Reason));
        }
        return (TrainStepBenchmark.Median(cold), TrainStepBenchmark.Median(edit), cachedFraction, oursCached, emitted);
    }

    /// <summary>A realistic model triple; sizes vary with i so no two classes are alike.</summary>
    private static string Models(int i)
    {
        int hidden = 64 + i;
        return new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({hidden}), BatchNorm, LeakyReLU(0.2)]")
            .AppendLine("[Dense(8 * 7 * 7), ReLU, Reshape(8, 7, 7)]")
            .AppendLine("[ConvTranspose2d(16, Kernel = 5, Stride = 2, Same = true), BatchNorm, ReLU]")
            .AppendLine("[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true), Tanh]")
            .AppendLine($"public partial class G{i} {{ }}")
            .AppendLine("[GanDiscriminator(1, 28, 28)]")
            .AppendLine($"[Conv2d({16 + i % 5}, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.2), Dropout(0.3)]")
            .AppendLine("[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)]")
            .AppendLine("[Flatten, Dense(1)]")
            .AppendLine($"public partial class D{i} {{ }}")
            .AppendLine($"[Gan(typeof(G{i}), typeof(D{i}))]")
            .AppendLine($"public partial class Gan{i} {{ }}")
            .ToString();
    }
}
