using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
            Enumerable.Range(0, models / 3).Select(i => ModelSources.Triple(i))
                .Concat(models % 3 == 0 ? Array.Empty<string>() : new[] { ModelSources.Triple(models / 3, models % 3) })
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
}
