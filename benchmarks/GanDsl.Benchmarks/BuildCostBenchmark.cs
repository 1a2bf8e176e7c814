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
/// What GanDsl adds to a build: the generator driver over compilations with 1, 10, 100 and 300 models
/// (a model = one [GanGenerator], [GanDiscriminator] or [Gan] class, written in triples, every other one a graph with
/// a block and skips), cold (new driver) and
/// after an unrelated edit (the same driver, one other file changed).
/// Each round builds fresh compilations (so Roslyn binds the attributes again, as it does for a real edit) and
/// times GanDsl and <see cref="AttributeOnlyGenerator"/> back to back, alternating which goes first, with step
/// tracking off as in csc and the IDE. GanDsl's own cost is the per-round difference between the two.
/// A separate run with tracking on reports which of GanDsl's steps were cached.
/// </summary>
internal static class BuildCostBenchmark
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly string[] OurSteps =
    {
        GanSourceGenerator.TrackingNames.GeneratorModels, GanSourceGenerator.TrackingNames.DiscriminatorModels,
        GanSourceGenerator.TrackingNames.GanModels, GanSourceGenerator.TrackingNames.CheckedGenerators,
        GanSourceGenerator.TrackingNames.CheckedDiscriminators, GanSourceGenerator.TrackingNames.PairedGans,
        GanSourceGenerator.TrackingNames.CheckedGans,
    };

    public static void Run(int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToArray();

        Console.WriteLine($"Generator driver cost: median of {rounds} rounds, fresh compilations each round, step tracking off (as in csc and the IDE)");
        Console.WriteLine("  yardstick = AttributeOnlyGenerator: GanDsl's three attribute lookups and nothing else, i.e. what Roslyn charges any");
        Console.WriteLine("              ForAttributeWithMetadataName generator (finding the classes, binding their attributes)");
        Console.WriteLine("  own/model = median over rounds of (GanDsl - yardstick) in the same round, divided by the number of models");
        Console.WriteLine("  cached / re-emitted: from one extra run with step tracking on; GanDsl's named steps that were Cached or Unchanged");
        Console.WriteLine("  after the edit, and source outputs that ran again");
        Console.WriteLine($"  {"",6}   {"cold (new driver)",-43}   {"after an unrelated edit",-43}");
        Console.WriteLine($"  {"models",6} | {"GanDsl ms",9} {"ms/model",9} {"yardstick",9} {"own/model",11} | {"GanDsl ms",9} {"ms/model",9} {"yardstick",9} {"own/model",11} | {"cached",7} {"re-emitted",10}");

        // Warm-up: JIT of Roslyn and of both generators, on a mid-sized compilation.
        var warmUp = Scenario.Create(references, 10);
        for (int i = 0; i < 3; i++) { Time(new GanSourceGenerator(), warmUp.Fresh()); Time(new AttributeOnlyGenerator(), warmUp.Fresh()); }

        foreach (int models in new[] { 1, 10, 100, 300 })
        {
            var scenario = Scenario.Create(references, models);
            var ours = new List<(double Cold, double Edit)>();
            var yard = new List<(double Cold, double Edit)>();
            for (int r = 0; r < rounds; r++)
            {
                bool oursFirst = r % 2 == 0;
                if (oursFirst) ours.Add(Time(new GanSourceGenerator(), scenario.Fresh()));
                yard.Add(Time(new AttributeOnlyGenerator(), scenario.Fresh()));
                if (!oursFirst) ours.Add(Time(new GanSourceGenerator(), scenario.Fresh()));
            }
            var tracked = Tracked(scenario.Fresh(), models);

            double cold = Median(ours.Select(o => o.Cold)), yardCold = Median(yard.Select(y => y.Cold));
            double edit = Median(ours.Select(o => o.Edit)), yardEdit = Median(yard.Select(y => y.Edit));
            double ownCold = Median(ours.Zip(yard, (o, y) => o.Cold - y.Cold)) / models;
            double ownEdit = Median(ours.Zip(yard, (o, y) => o.Edit - y.Edit)) / models;
            Console.WriteLine($"  {models,6} | {cold,9:F2} {cold / models,9:F3} {yardCold,9:F2} {ownCold,11:F3} | {edit,9:F2} {edit / models,9:F3} {yardEdit,9:F2} {ownEdit,11:F3} | {tracked.OursCached,7:P0} {tracked.Emitted,10}");
        }
    }

    /// <summary>A compilation of a number of models and the same compilation after an edit to another file.</summary>
    private sealed class Scenario
    {
        private readonly List<SyntaxTree> _trees;
        private readonly SyntaxTree _unrelated;
        private readonly SyntaxTree _unrelatedEdited;
        private readonly MetadataReference[] _references;

        private Scenario(List<SyntaxTree> trees, SyntaxTree unrelated, SyntaxTree unrelatedEdited, MetadataReference[] references)
        {
            _trees = trees;
            _unrelated = unrelated;
            _unrelatedEdited = unrelatedEdited;
            _references = references;
        }

        /// <summary>Whole triples (generator, discriminator, [Gan]), one file each; a remainder of one or two classes
        /// is a lone generator (and discriminator) in a last file.</summary>
        public static Scenario Create(MetadataReference[] references, int models) => new(
            Enumerable.Range(0, models / 3).Select(i => Models(i))
                .Concat(models % 3 == 0 ? Array.Empty<string>() : new[] { Models(models / 3, models % 3) })
                .Select((text, i) => CSharpSyntaxTree.ParseText(text, Parse, $"Models{i}.cs")).ToList(),
            CSharpSyntaxTree.ParseText("namespace Bench; public class Unrelated { }", Parse, "Unrelated.cs"),
            CSharpSyntaxTree.ParseText("namespace Bench; public class Unrelated { public int Changed; }", Parse, "Unrelated.cs"),
            references);

        /// <summary>New compilation objects over the same parsed trees: nothing is bound yet, as after a real edit.</summary>
        public (Compilation Before, Compilation After) Fresh()
        {
            var before = CSharpCompilation.Create("Bench", _trees.Append(_unrelated), _references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return (before, before.ReplaceSyntaxTree(_unrelated, _unrelatedEdited));
        }
    }

    private static GeneratorDriver Driver(IIncrementalGenerator generator, bool track) =>
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static (double Cold, double Edit) Time(IIncrementalGenerator generator, (Compilation Before, Compilation After) c)
    {
        GC.Collect(); // garbage from earlier rounds is not this round's cost
        GC.WaitForPendingFinalizers();
        var driver = Driver(generator, track: false);
        var clock = Stopwatch.StartNew();
        driver = driver.RunGenerators(c.Before);
        double cold = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        driver.RunGenerators(c.After);
        return (cold, clock.Elapsed.TotalMilliseconds);
    }

    private static (double OursCached, int Emitted) Tracked((Compilation Before, Compilation After) c, int models)
    {
        var driver = Driver(new GanSourceGenerator(), track: true).RunGenerators(c.Before);
        if (driver.GetRunResult().GeneratedTrees.Length != models) throw new InvalidOperationException("the generator did not emit every model");
        var result = driver.RunGenerators(c.After).GetRunResult().Results.Single();
        var steps = OurSteps.Where(result.TrackedSteps.ContainsKey).SelectMany(n => result.TrackedSteps[n]).ToList();
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        double cached = outputs.Count == 0 ? 0 : outputs.Count(o => IsCached(o.Reason)) / (double)outputs.Count;
        int emitted = result.TrackedOutputSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Count(o => !IsCached(o.Reason));
        return (cached, emitted);
    }

    private static bool IsCached(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static double Median(IEnumerable<double> values) => TrainStepBenchmark.Median(values.ToList());

    /// <summary>A realistic model triple (or its first <paramref name="classes"/> classes); sizes vary with i so no
    /// two classes are alike. Every other triple is a graph: a residual block used twice inside a skip in the generator,
    /// a spectral-norm discriminator with a Concat skip and a global pool (the block class generates no file, so it is
    /// not counted as a model).</summary>
    private static string Models(int i, int classes = 3) => i % 2 == 0 ? StackModels(i, classes) : GraphModels(i, classes);

    private static string StackModels(int i, int classes)
    {
        int hidden = 64 + i;
        var text = new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({hidden}), BatchNorm, LeakyReLU(0.2)]")
            .AppendLine("[Dense(8 * 7 * 7), ReLU, Reshape(8, 7, 7)]")
            .AppendLine("[ConvTranspose2d(16, Kernel = 5, Stride = 2, Same = true), BatchNorm, ReLU]")
            .AppendLine("[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true), Tanh]")
            .AppendLine($"public partial class G{i} {{ }}");
        if (classes == 1) return text.ToString();
        text.AppendLine("[GanDiscriminator(1, 28, 28)]")
            .AppendLine($"[Conv2d({16 + i % 5}, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.2), Dropout(0.3)]")
            .AppendLine("[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)]")
            .AppendLine("[Flatten, Dense(1)]")
            .AppendLine($"public partial class D{i} {{ }}");
        if (classes == 2) return text.ToString();
        return text.AppendLine($"[Gan(typeof(G{i}), typeof(D{i}))]")
            .AppendLine($"public partial class Gan{i} {{ }}")
            .ToString();
    }

    private static string GraphModels(int i, int classes)
    {
        var text = new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine("[GanBlock]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, ReLU]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, Add(\"input\")]")
            .AppendLine($"public partial class Res{i} {{ }}")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({64 + i}), LeakyReLU(0.2)]")
            .AppendLine("[Dense(8 * 7 * 7), ReLU, Reshape(8, 7, 7), Tap(\"base\")]")
            .AppendLine($"[Block(typeof(Res{i}), Repeat = 2), Add(\"base\")]")
            .AppendLine("[ConvTranspose2d(16, Kernel = 5, Stride = 2, Same = true), InstanceNorm, ReLU]")
            .AppendLine("[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true), Tanh]")
            .AppendLine($"public partial class G{i} {{ }}");
        if (classes == 1) return text.ToString();
        text.AppendLine("[GanDiscriminator(1, 28, 28)]")
            .AppendLine($"[Conv2d({16 + i % 5}, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.2), Tap(\"d1\")]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1, SpectralNorm = true), LeakyReLU(0.2), Concat(\"d1\")]")
            .AppendLine("[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)]")
            .AppendLine("[GlobalSumPool, Dense(1)]")
            .AppendLine($"public partial class D{i} {{ }}");
        if (classes == 2) return text.ToString();
        return text.AppendLine($"[Gan(typeof(G{i}), typeof(D{i}))]")
            .AppendLine($"public partial class Gan{i} {{ }}")
            .ToString();
    }
}
