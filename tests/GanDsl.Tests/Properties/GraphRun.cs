using System;
using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Tests.Properties;

/// <summary>What one op did when the graph ran in TorchSharp: its output shape, its modules' parameter count, and for
/// a merge or tap what it met (which the stricter-than-TorchSharp excuses check).</summary>
internal sealed record OpRun(long[] Output, long Parameters, long[]? Named = null, bool Rebound = false);

/// <summary>
/// Runs a graph case in TorchSharp op by op on a batch of 2 (labels drawn when the network is conditional): layers
/// built from the shapes that actually reach them, names kept in a dictionary as forward would ("input" first),
/// blocks run the same way on their own names, each copy with fresh modules. Independent of the checker.
/// </summary>
internal sealed record RunOutcome(IReadOnlyList<OpRun> Ops, int FailedAt, string? Error)
{
    public const long Batch = 2;

    public bool Succeeded => FailedAt < 0;

    public static RunOutcome Run(GraphCase graph)
    {
        using var scope = torch.NewDisposeScope();
        var labels = graph.Classes > 0 ? torch.randint(0, graph.Classes, new[] { Batch }, dtype: ScalarType.Int64) : null;
        var x = torch.randn(new[] { Batch }.Concat(graph.Input).ToArray());
        var ops = new List<OpRun>();
        var (error, _) = RunOps(graph, graph.Ops, x, labels, ops, depth: 0);
        return error is null ? new RunOutcome(ops, -1, null) : new RunOutcome(ops, ops.Count, error);
    }

    /// <summary>Runs <paramref name="ops"/> on <paramref name="input"/>, adding a record per op that succeeds; returns
    /// why it stopped (null if it did not) and the last value.</summary>
    private static (string? Error, Tensor Output) RunOps(GraphCase graph, IReadOnlyList<Op> ops, Tensor input, Tensor? labels, List<OpRun> runs, int depth)
    {
        var names = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["input"] = input };
        var x = input;
        foreach (var op in ops)
        {
            try
            {
                OpRun run;
                switch (op)
                {
                    case Tap tap:
                        bool rebound = names.ContainsKey(tap.Name);
                        names[tap.Name] = x;
                        run = new OpRun(Sample(x), 0, Rebound: rebound);
                        break;
                    case MergeOp merge:
                        if (!names.TryGetValue(merge.Name, out var named)) return ($"no value named \"{merge.Name}\"", x);
                        x = merge is Concat ? torch.cat(new[] { x, named }, 1) : x + named; // + broadcasts, as TorchSharp allows
                        run = new OpRun(Sample(x), 0, Sample(named));
                        break;
                    case Block block:
                        if (depth > 8) return ("blocks nest too deep", x);
                        var body = graph.Blocks.Single(b => b.Key == block.Key);
                        long parameters = 0;
                        for (int copy = 0; copy < block.Repeat; copy++)
                        {
                            var inner = new List<OpRun>();
                            var (failure, output) = RunOps(graph, body.Ops.ToList(), x, null, inner, depth + 1);
                            if (failure is not null) return ($"in block {block.Name} at op {inner.Count}: {failure}", x);
                            parameters += inner.Sum(r => r.Parameters);
                            x = output;
                        }
                        run = new OpRun(Sample(x), parameters);
                        break;
                    case LayerOp layer:
                        var sample = Sample(x);
                        if (sample.Length == 0) return ("no per-sample dimension left", x);
                        if (AbortsProcess(layer, sample)) return ("TorchSharp would abort the process (oneDNN terminate on a negative transposed-conv size)", x);
                        using (var built = RuntimeBuilder.Build(layer, sample, graph.Classes))
                        {
                            x = built.Call(x, labels);
                            run = new OpRun(Sample(x), built.Parameters);
                        }
                        break;
                    default:
                        return ("unknown op " + op.GetType().Name, x);
                }
                // A module that silently folds samples into the batch has not computed the layer.
                if (x.shape.Length == 0 || x.shape[0] != Batch) return ($"batch dimension changed to ({string.Join(", ", x.shape)})", x);
                // An empty tensor (a zero-sized dimension) is not an image: TorchSharp returns one where PyTorch's
                // formula gives 0 for a transposed convolution.
                if (x.shape.Any(d => d < 1)) return ($"empty output ({string.Join(", ", x.shape)})", x);
                runs.Add(run);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (e.GetType().Name + ": " + e.Message.Split('\n')[0], x);
            }
        }
        return (null, x);
    }

    private static long[] Sample(Tensor x) => x.shape.Skip(1).ToArray();

    /// <summary>TorchSharp 0.107.0 (oneDNN) calls std::terminate, killing the test host, when a transposed
    /// convolution's output size (PyTorch's formula) is negative; arguments it rejects itself are left to it.</summary>
    private static bool AbortsProcess(LayerOp layer, long[] sample)
    {
        if (layer is not ConvTranspose2d t || sample.Length != 3 || t.Kernel < 1 || t.Stride < 1) return false;
        var plan = t.Plan;
        if (plan is null || plan.PaddingH < 0 || plan.OutputPadding >= t.Stride) return false;
        long Size(long n) => (n - 1) * t.Stride - 2 * plan.PaddingH + t.Kernel + plan.OutputPadding;
        return Size(sample[1]) < 0 || Size(sample[2]) < 0;
    }
}
