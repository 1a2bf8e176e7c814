using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using Xunit;
using Xunit.Abstractions;

namespace GanDsl.Tests.Properties;

/// <summary>
/// The shape checker agrees with TorchSharp. For random graphs over the whole catalogue (taps, concats, adds, blocks,
/// labels, the new layers): no error from the checker exactly when TorchSharp runs the graph, and before the first
/// error the inferred shape and parameter count of every op (a block use: all its copies) are what TorchSharp
/// produces. A failing case is shrunk and printed as the attribute source that reproduces it.
/// </summary>
[Collection(SerialCollection.Name)] // changes TorchSharp's thread count while it runs
public class ShapeAgreementProperties(ITestOutputHelper output)
{
    private const int Cases = 3000;

    /// <summary>At most this share of the cases may be excused as stricter than TorchSharp (measured with the default
    /// seed: see the test output); a checker that reports errors too eagerly pushes cases over it.</summary>
    private const double MaxStricterShare = 0.08;

    /// <summary>The per-sample input ranks each op kind accepts, written down independently of the checker from the
    /// layer contracts: Linear and the projection take a flat (N) vector; the convolutions, padding, pooling, pixel
    /// shuffle, instance norm and Upsample an image (C, H, W); BatchNorm, ConditionalBatchNorm and ConcatLabel
    /// either. Others take any rank.</summary>
    private static readonly Dictionary<Type, int[]> AcceptedRanks = new()
    {
        [typeof(Dense)] = new[] { 1 },
        [typeof(ProjectLabel)] = new[] { 1 },
        [typeof(Conv2d)] = new[] { 3 },
        [typeof(ConvTranspose2d)] = new[] { 3 },
        [typeof(Upsample)] = new[] { 3 },
        [typeof(ZeroPad2d)] = new[] { 3 },
        [typeof(ReflectionPad2d)] = new[] { 3 },
        [typeof(PixelShuffle)] = new[] { 3 },
        [typeof(AvgPool2d)] = new[] { 3 },
        [typeof(InstanceNorm)] = new[] { 3 },
        [typeof(GlobalPool)] = new[] { 3 },
        [typeof(BatchNorm)] = new[] { 1, 3 },
        [typeof(ConcatLabel)] = new[] { 1, 3 },
        [typeof(ConditionalBatchNorm)] = new[] { 1, 3 },
    };

    internal static bool AcceptsRank(Op op, int rank) => !AcceptedRanks.TryGetValue(op.GetType(), out var ranks) || ranks.Contains(rank);

    [Fact]
    public void Checker_and_TorchSharp_agree_on_random_graphs()
    {
        int agreedOk = 0, agreedError = 0, stricter = 0, withBlocks = 0, withSkips = 0, withLabels = 0;
        var byCode = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        // Tiny tensors: intra-op threads only contend with the sampling threads (10x slower on 2 cores).
        int threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            SeededSample.Run(GraphGen.Cases, graph =>
            {
                var (verdict, code) = Compare(graph);
                if (code is not null) byCode.AddOrUpdate(code, 1, (_, n) => n + 1);
                if (graph.Ops.Any(o => o is Block)) Interlocked.Increment(ref withBlocks);
                if (graph.Ops.Any(o => o is MergeOp)) Interlocked.Increment(ref withSkips);
                if (graph.Classes > 0) Interlocked.Increment(ref withLabels);
                switch (verdict)
                {
                    case Verdict.BothOk: Interlocked.Increment(ref agreedOk); break;
                    case Verdict.BothFail: Interlocked.Increment(ref agreedError); break;
                    case Verdict.Stricter: Interlocked.Increment(ref stricter); break;
                }
            }, iter: Cases, threads: 2, print: s => s.Source);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }

        output.WriteLine($"{Cases} graphs in {clock.Elapsed.TotalSeconds:F1} s ({withSkips} with merges, {withBlocks} with blocks, {withLabels} conditional): " +
                         $"{agreedOk} valid and run, {agreedError} rejected by both, {stricter} excused as stricter than TorchSharp; first errors: "
                         + string.Join(", ", byCode.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Assert.Equal(Cases, agreedOk + agreedError + stricter);
        // Every stricter case was checked against its excuse; the excuses must also stay rare.
        Assert.True(stricter <= Cases * MaxStricterShare,
            $"{stricter} of {Cases} cases ({100.0 * stricter / Cases:F1}%) are excused as stricter than TorchSharp; at most {MaxStricterShare:P0} may be");
        // The generator must reach both sides of the property, and the graph features, often enough to mean something.
        Assert.True(agreedOk > Cases / 5, $"only {agreedOk} valid graphs");
        Assert.True(agreedError > Cases / 5, $"only {agreedError} invalid graphs");
        Assert.True(withBlocks > Cases / 10 && withSkips > Cases / 5 && withLabels > Cases / 10, $"feature mix is off: {withBlocks} blocks, {withSkips} merges, {withLabels} labels");
    }

    internal enum Verdict { BothOk, BothFail, Stricter }

    /// <summary>What the checker says op <paramref name="index"/> outputs and how many parameters it has (all nodes of
    /// the op: a block's copies); null where it stopped.</summary>
    internal static (Shape Output, long Parameters)? CheckerOp(NetworkAnalysis analysis, int index)
    {
        var nodes = analysis.Graph.Nodes.Where(n => n.Attribute == index).ToList();
        if (nodes.Count == 0 || nodes.Any(n => analysis[n] is null)) return null;
        return (analysis[nodes[^1]]!.Output, nodes.Sum(n => analysis[n]!.Parameters));
    }

    /// <summary>Runs both sides and throws with a precise reason when they disagree.</summary>
    internal static (Verdict, string? FirstError) Compare(GraphCase graph)
    {
        var analysis = NetworkChecker.Check(graph.Spec);
        // The discriminator's end rules (one logit, no final Sigmoid) are about training, not about shapes.
        var errors = analysis.Problems
            .Where(p => p.IsError && p.Code is not ProblemCode.DiscriminatorOutput)
            .OrderBy(p => p.Target)
            .ToList();
        var run = RunOutcome.Run(graph);

        // Every op both sides computed before the first error has the same shape and parameter count.
        int compared = Math.Min(errors.Count > 0 ? Math.Max(errors[0].Target, 0) : graph.Ops.Length, run.Ops.Count);
        for (int i = 0; i < compared; i++)
        {
            if (CheckerOp(analysis, i) is not { } inferred) continue;
            var actual = run.Ops[i];
            if (!inferred.Output.Dims.SequenceEqual(actual.Output))
                throw new Exception($"op {i} {graph.Ops[i].Display}: checker infers {inferred.Output} but TorchSharp gives ({string.Join(", ", actual.Output)})");
            if (inferred.Parameters != actual.Parameters)
                throw new Exception($"op {i} {graph.Ops[i].Display}: checker counts {inferred.Parameters} parameters but TorchSharp {actual.Parameters}");
        }

        if (errors.Count == 0)
        {
            if (!run.Succeeded)
                throw new Exception($"checker accepts the graph but TorchSharp fails at op {run.FailedAt} {graph.Ops[run.FailedAt].Display}: {run.Error}");
            if (!analysis.Shapes!.Output!.Dims.SequenceEqual(run.Ops[^1].Output))
                throw new Exception($"output: checker {analysis.Shapes.Output} vs TorchSharp ({string.Join(", ", run.Ops[^1].Output)})");
            // The other direction of the rank table: an accepted graph never feeds a layer a rank it cannot take.
            foreach (var (op, received) in Inputs(analysis))
                if (!AcceptsRank(op, received.Rank))
                    throw new Exception($"checker accepts the graph but {op.Display} receives {received}, rank {received.Rank}, which {op.GetType().Name} does not accept");
            return (Verdict.BothOk, null);
        }

        var first = errors[0];
        if (first.Target < 0)
            throw new Exception($"unexpected model-level error {first.Id}: {first.Message}");
        if (!run.Succeeded && run.FailedAt == first.Target) return (Verdict.BothFail, first.Id);
        if (!run.Succeeded && run.FailedAt < first.Target)
            throw new Exception($"TorchSharp fails at op {run.FailedAt} {graph.Ops[run.FailedAt].Display} ({run.Error}) but the checker's first error is at op {first.Target}: {first.Id} {first.Message}");
        if (Excuse(graph, analysis, run, first) is { } excuse)
        {
            if (excuse.Length > 0) throw new Exception($"checker reports {first.Id} at op {first.Target} ({first.Message}) but TorchSharp runs it, and the excuse fails: {excuse}");
            return (Verdict.Stricter, first.Id);
        }
        throw new Exception($"checker reports {first.Id} at op {first.Target} ({first.Message}) but TorchSharp runs that op" +
                            (run.Succeeded ? " and the whole graph" : $" and fails only at op {run.FailedAt}: {run.Error}"));
    }

    /// <summary>
    /// Where GanDsl is knowingly stricter than TorchSharp, each rule checked against the run: a broken rank contract
    /// (GAN004; TorchSharp reinterprets the tensor: Linear over the last axis, padding whatever the last two axes are,
    /// Conv2d taking a 3-d tensor as an unbatched image); Add of different shapes (GAN012; TorchSharp broadcasts);
    /// Concat of values that are neither flat nor images (GAN011); a name tapped twice (GAN013; a dictionary rebinds);
    /// ProjectLabel before the discriminator's end (GAN017). The generated code must never do those, so the checker's
    /// error stands; such cases are counted, not failed. Null: no excuse applies; "": excused; else why the excuse fails.
    /// </summary>
    private static string? Excuse(GraphCase graph, NetworkAnalysis analysis, RunOutcome run, Problem first)
    {
        int i = first.Target;
        var op = graph.Ops[i];
        bool ran = run.Ops.Count > i;
        long[] Received() => i == 0 ? graph.Input : run.Ops[i - 1].Output;
        if (first.Inner is { } site)
        {
            // Inside a block TorchSharp ran the op on its own names; the excuse is the op's kind.
            var inner = graph.Blocks.Single(b => b.Key == site.BlockKey).Ops[site.Attribute];
            return first.Code switch
            {
                ProblemCode.WrongRank when AcceptedRanks.ContainsKey(inner.GetType()) => "",
                ProblemCode.AddShapes when inner is Add => "",
                ProblemCode.ConcatShapes when inner is Concat => "",
                _ => null,
            };
        }
        if (!ran) return null;
        switch (first.Code)
        {
            case ProblemCode.WrongRank:
                return !AcceptsRank(op, Received().Length) ? "" : $"its input ({string.Join(", ", Received())}) has a rank {op.GetType().Name} accepts";
            case ProblemCode.AddShapes when op is Add:
                return !Received().SequenceEqual(run.Ops[i].Named!) ? "" : "TorchSharp added equal shapes";
            case ProblemCode.ConcatShapes when op is Concat:
                return Received().Length is not (1 or 3) ? "" : "TorchSharp concatenated flat vectors or images";
            case ProblemCode.UnknownName when op is Tap:
                return run.Ops[i].Rebound ? "" : "the name was not bound yet";
            case ProblemCode.ProjectLabelPlacement when op is ProjectLabel:
                return i != graph.Ops.Length - 1 ? "" : "it is the last op";
            default:
                return null;
        }
    }

    /// <summary>Every layer of an accepted graph, blocks (and blocks in blocks) included, with the shape it receives.</summary>
    private static IEnumerable<(Op Op, Shape Input)> Inputs(NetworkAnalysis analysis) => Inputs(analysis.Graph, analysis.Shapes!);

    private static IEnumerable<(Op Op, Shape Input)> Inputs(ValueGraph graph, GraphShapes shapes)
    {
        foreach (var node in graph.Nodes)
        {
            if (shapes.Results[node.Index] is not { } result) continue;
            if (node.Op is LayerOp) yield return (node.Op, result.Input);
            if (result.Block is { } block)
                foreach (var inner in Inputs(block.Definition.Graph, block.Shapes)) yield return inner;
        }
    }
}
