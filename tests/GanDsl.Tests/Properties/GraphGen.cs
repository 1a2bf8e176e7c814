using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using OpKinds = GanDsl.Generators.Ops;

namespace GanDsl.Tests.Properties;

/// <summary>A random discriminator graph on a random per-sample input, with the blocks it uses.</summary>
internal sealed record GraphCase(long[] Input, long Classes, Op[] Ops, NetworkSpec[] Blocks)
{
    public NetworkSpec Spec => new("P", "D", NetworkRole.Discriminator, Input.ToEquatableArray(), Ops.ToEquatableArray(),
        EquatableArray<Problem>.Empty, HasMalformedAttributes: false, Classes: Classes, Blocks: Blocks.ToEquatableArray());

    /// <summary>The C# declaration that reproduces this case, for failure reports and the compiled-module test.</summary>
    public string Source =>
        string.Concat(Blocks.Select(b => "[GanBlock] " + Attributes(b.Ops) + $"public partial class {b.ClassName} {{ }}\n"))
        + $"[GanDiscriminator({string.Join(", ", Input.Select(d => d.ToString(CultureInfo.InvariantCulture)))}{(Classes > 0 ? $", Classes = {Classes}" : "")})] "
        + Attributes(Ops) + "public partial class D { }";

    public override string ToString() => Source;

    private static string Attributes(IEnumerable<Op> ops) => string.Concat(ops.Select(o => "[" + AttributeText(o) + "] "));

    /// <summary>Attribute syntax for an op (its display already is, except for defaults it leaves out).</summary>
    public static string AttributeText(Op op) => op switch
    {
        Conv2d { Kernel: 0 } or ConvTranspose2d { Kernel: 0 } => op.Display.Replace(", Kernel = 0", ""),
        _ => op.Display,
    };
}

/// <summary>
/// Random graphs over the whole catalogue: chains as real models are built (reshape to an image, image layers,
/// flatten, dense layers) with skips (Tap + Concat or Add), residual and random blocks (some repeated, one using the
/// other), class labels (ConcatLabel, ConditionalBatchNorm, ProjectLabel) and the new layers, plus unstructured chains for everything else.
/// Arguments stay in the range where GanDsl and TorchSharp mean the same thing, plus invalid values TorchSharp rejects
/// too (zero kernel or stride, negative padding, output padding >= stride).
/// </summary>
internal static class GraphGen
{
    /// <summary>An op as drawn. Reshape draws how to factor the element count it will receive; the factoring is
    /// resolved against the inferred shape so most reshapes fit (a wrong one is drawn too).</summary>
    internal sealed record Draw(Op Op, int ReshapeRank = 0, int[]? Split = null, bool ReshapeFits = false);

    private static readonly Gen<bool> Bias = Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)));
    private static readonly Gen<bool> Spectral = Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)));
    private static readonly Gen<long> Kernel = Gen.Frequency((1, Gen.Const(0L)), (30, Gen.Long[1, 5]));
    private static readonly Gen<long> Stride = Gen.Frequency((1, Gen.Const(0L)), (30, Gen.Long[1, 3]));
    private static readonly Gen<long?> Padding = Gen.Frequency(
        (12, Gen.Const((long?)null)), (8, Gen.Long[0, 3].Select(p => (long?)p)), (1, Gen.Const((long?)-1)));
    private static readonly Gen<long> OutChannels = Gen.Frequency((6, Gen.Long[1, 4]), (1, Gen.Const(ConvRules.SameChannels)));

    private static readonly Gen<(bool Bias, bool Spectral)> BiasAndSpectral = Gen.Select(Bias, Spectral, (b, s) => (b, s));

    private static Gen<Op> Conv(bool transposed) =>
        Gen.Select(OutChannels, Kernel, Stride, Padding, Gen.Int[0, 3], Gen.Long[0, 7], BiasAndSpectral, (o, k, s, p, same, choice, flags) =>
        {
            var (bias, sn) = flags;
            bool isSame = same == 0 && p is null;
            if (!transposed) return (Op)new Conv2d(o, k, s, p ?? 0, p is not null, isSame, bias, sn);
            // Mostly a valid output padding (below the stride), sometimes one equal to the stride, sometimes none.
            bool setOutputPadding = !isSame && choice < 6;
            long op = choice < 5 ? choice % Math.Max(s, 1) : s;
            return new ConvTranspose2d(o, k, s, p ?? 0, p is not null, setOutputPadding ? op : 0, setOutputPadding, isSame, bias, sn);
        });

    private static Gen<Draw> Plain(Gen<Op> op) => op.Select(o => new Draw(o));
    private static Gen<Draw> Const(Op op) => Gen.Const(new Draw(op));

    private static readonly Gen<Draw> Dense = Plain(Gen.Select(Gen.Long[1, 12], Bias, Spectral, (u, b, sn) => (Op)new Dense(u, b, sn)));
    private static readonly Gen<Draw> BatchNorm = Plain(Gen.Select(Gen.OneOf(0.1, 0.5, 0.0), Gen.OneOf(1e-5, 1e-3), (m, e) => (Op)new BatchNorm(m, e)));
    private static readonly Gen<Draw> Activation = Gen.OneOf(
        Plain(Gen.OneOf(0.2, 0.01).Select(s => (Op)new LeakyReLU(s))),
        Const(OpKinds.Activation.ReLU), Const(OpKinds.Activation.Tanh), Const(OpKinds.Activation.Sigmoid),
        Plain(Gen.OneOf(0.25, 0.1).Select(i => (Op)new PReLU(i))),
        Plain(Gen.OneOf(0.0, 0.3, 0.5).Select(p => (Op)new Dropout(p))));
    private static readonly Gen<Draw> Norm = Gen.OneOf(
        BatchNorm,
        Plain(Gen.OneOf(1e-5, 1e-3).Select(e => (Op)new LayerNorm(e))),
        Plain(Gen.Select(Gen.OneOf(1e-5, 1e-3), Gen.Bool, (e, a) => (Op)new InstanceNorm(e, a))));
    private static readonly Gen<Draw> Upsample = Plain(Gen.Long[1, 3].Select(s => (Op)new Upsample(s)));
    private static readonly Gen<Draw> ZeroPad = Plain(Gen.Long[0, 2].Array[4].Select(p => (Op)new ZeroPad2d(p[0], p[1], p[2], p[3])));
    private static readonly Gen<Draw> ReflectionPad = Plain(Gen.Long[0, 3].Select(p => (Op)new ReflectionPad2d(p)));
    private static readonly Gen<Draw> PixelShuffle = Plain(Gen.Long[1, 2].Select(r => (Op)new PixelShuffle(r)));
    private static readonly Gen<Draw> AvgPool = Plain(Gen.Long[1, 3].Select(k => (Op)new AvgPool2d(k)));
    private static readonly Gen<Draw> GlobalPool = Gen.OneOf(Const(OpKinds.GlobalPool.SumPool), Const(OpKinds.GlobalPool.AvgPool));
    private static readonly Gen<Draw> Flatten = Const(OpKinds.Flatten.Instance);
    private static readonly Gen<Draw> ConcatLabel = Plain(Gen.Long[1, 3].Select(d => (Op)new ConcatLabel(d)));
    private static readonly Gen<Draw> ConditionalNorm = Plain(Gen.Select(Gen.OneOf(0.1, 0.0), Gen.OneOf(1e-5, 1e-3), (m, e) => (Op)new ConditionalBatchNorm(m, e)));
    private static Gen<Draw> Reshape(Gen<int> rank) =>
        Gen.Select(rank, Gen.Int[0, 1000].Array[3], Gen.Frequency((8, Gen.Const(true)), (1, Gen.Const(false))), Gen.Long[1, 6].Array[1, 3],
            (r, split, fits, dims) => new Draw(new OpKinds.Reshape(dims.ToEquatableArray()), r, split, fits));

    private static readonly Gen<Draw> ImageLayer = Gen.Frequency(
        (6, Plain(Conv(false))), (5, Plain(Conv(true))), (3, Norm), (2, Activation), (2, Upsample), (2, ZeroPad),
        (2, ReflectionPad), (2, PixelShuffle), (1, AvgPool));
    private static readonly Gen<Draw> FlatLayer = Gen.Frequency((4, Dense), (2, BatchNorm), (2, Activation), (1, Norm));

    private static readonly Gen<Draw> AnyLayer = Gen.Frequency(
        (4, Dense), (6, Plain(Conv(false))), (5, Plain(Conv(true))), (3, Norm), (5, Activation), (3, Flatten),
        (4, Reshape(Gen.Int[1, 3])), (3, Upsample), (3, ZeroPad), (2, ReflectionPad), (2, PixelShuffle), (2, AvgPool), (2, GlobalPool),
        (1, ConcatLabel), (1, ConditionalNorm), (1, Plain(Gen.Bool.Select(sn => (Op)new ProjectLabel(sn)))));

    /// <summary>Shape-keeping residual bodies (the common case) or a few random image layers, ending in a merge with
    /// the block's input half of the time.</summary>
    private static readonly Gen<Op[]> BlockBody = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf(1L, 3L), Norm, Activation, Gen.Bool, (k, norm, act, concat) => new[]
        {
            new Conv2d(ConvRules.SameChannels, k, Padding: (k - 1) / 2, PaddingSet: k > 1), norm.Op, act.Op,
            concat ? (Op)new Concat("input") : new Add("input"),
        })),
        (2, Gen.Select(ImageLayer.Array[1, 3], Gen.Int[0, 2], (layers, merge) => layers.Select(d => d.Op)
            .Concat(merge switch { 0 => new Op[] { new Add("input") }, 1 => new Op[] { new Concat("input") }, _ => Array.Empty<Op>() }).ToArray())));

    /// <summary>Zero to two blocks; the second may use the first.</summary>
    private static readonly Gen<NetworkSpec[]> Blocks = Gen.Frequency(
        (3, Gen.Const(Array.Empty<NetworkSpec>())),
        (2, BlockBody.Select(b => new[] { Block("B0", b) })),
        (2, Gen.Select(BlockBody, BlockBody, Gen.Bool, (a, b, nested) =>
            new[] { Block("B0", a), Block("B1", nested ? b.Prepend(new Block("P|B0", "B0")).ToArray() : b) })));

    private static NetworkSpec Block(string name, Op[] ops) =>
        new("P", name, NetworkRole.Block, EquatableArray<long>.Empty, ops.ToEquatableArray(), EquatableArray<Problem>.Empty, false);

    /// <summary>The image section of a structured graph: image layers with a skip (Tap ... Concat/Add) and block uses
    /// spliced in at drawn positions.</summary>
    private static Gen<Draw[]> ImageSection(NetworkSpec[] blocks) =>
        Gen.Select(ImageLayer.Array[0, 4], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 5], Gen.Int[0, 4], Gen.Long[1, 3], Gen.Int[0, 9],
            (layers, tapAt, mergeAt, mergeKind, blockAt, repeat, twist) =>
            {
                var ops = layers.ToList();
                // a skip: Tap("a") with a few layers before Concat("a") or Add("a") (or, now and then, the merge before
                // the Tap, or the name tapped twice)
                if (mergeKind < 4)
                {
                    int tap = Math.Min(tapAt, ops.Count);
                    ops.Insert(tap, new Draw(new Tap("a")));
                    int merge = Math.Min(tap + 1 + mergeAt % 3, ops.Count);
                    ops.Insert(merge, new Draw(mergeKind < 2 ? new Concat("a") : new Add("a")));
                    if (twist == 0) (ops[tap], ops[merge]) = (ops[merge], ops[tap]);      // read before its Tap
                    if (twist == 1) ops.Insert(tap, new Draw(new Tap("a")));              // tapped twice
                }
                if (blocks.Length > 0 && blockAt < 3)
                {
                    var block = blocks[blockAt % blocks.Length];
                    ops.Insert(Math.Min(blockAt + 1, ops.Count), new Draw(new Block(block.Key, block.ClassName, repeat)));
                }
                return ops.ToArray();
            });

    /// <summary>How real models are built: (labels), (reshape to an image), image layers with skips and blocks, then a
    /// flatten or a global pool, dense layers, (a projection).</summary>
    private static Gen<Draw[]> Structured(NetworkSpec[] blocks, long classes) =>
        Gen.Select(Reshape(Gen.Const(3)), ImageSection(blocks), Gen.Int[0, 3], FlatLayer.Array[0, 3], Gen.Int[0, 3], ConcatLabel,
            (reshape, image, end, flat, label, concatLabel) =>
            {
                var ops = new List<Draw> { reshape };
                if (classes > 0 && label == 0 || classes == 0 && label == 0 && end == 0) ops.Insert(label == 0 && end < 2 ? 0 : 1, concatLabel);
                ops.AddRange(image);
                ops.Add(end == 3 ? new Draw(OpKinds.GlobalPool.SumPool) : new Draw(OpKinds.Flatten.Instance));
                ops.AddRange(flat);
                if (label == 1 && (classes > 0 || end == 1)) ops.Add(new Draw(new ProjectLabel(end == 2)));
                return ops.ToArray();
            });

    private static readonly Gen<long[]> Input = Gen.Frequency(
        (1, Gen.Long[1, 48].Select(n => new[] { n })),
        (3, Gen.Select(Gen.Long[1, 4], Gen.Long[1, 10], Gen.Long[1, 10], (c, h, w) => new[] { c, h, w })));

    private static readonly Gen<long> Classes = Gen.Frequency((3, Gen.Const(0L)), (1, Gen.Const(3L)));

    /// <summary>Cases small enough to run in microseconds: the checker's own numbers bound the work.</summary>
    public static readonly Gen<GraphCase> Cases =
        Gen.Select(Input, Classes, Blocks, (input, classes, blocks) => (input, classes, blocks)).SelectMany(t =>
        {
            var (input, classes, blocks) = t;
            return Gen.Frequency((1, AnyLayer.Array[1, 7]), (4, Structured(blocks, classes)))
                .Select(draws => Resolve(input, classes, draws, blocks));
        }).Where(IsSmall);

    /// <summary>Turns drawn reshapes into concrete dims: a fitting one factors the element count inferred so far.</summary>
    internal static GraphCase Resolve(long[] input, long classes, Draw[] draws, NetworkSpec[] blocks)
    {
        var ops = new Op[draws.Length];
        // only the blocks the ops use, with what they use
        var used = blocks.Where(b => draws.Any(d => d.Op is Block u && (u.Key == b.Key || blocks.Any(o => o.Key == u.Key && o.Ops.Any(x => x is Block inner && inner.Key == b.Key))))).ToArray();
        for (int i = 0; i < draws.Length; i++)
        {
            var d = draws[i];
            ops[i] = d.Op;
            if (d.Op is not OpKinds.Reshape || !d.ReshapeFits) continue;
            var before = new GraphCase(input, classes, ops.Take(i).ToArray(), used);
            var shape = i == 0 ? new Shape(input) : NetworkChecker.Check(before.Spec).Shapes?.Output;
            if (shape is not null) ops[i] = new OpKinds.Reshape(Factor(shape.ElementCount, d.ReshapeRank, d.Split!).ToEquatableArray());
        }
        return new GraphCase(input, classes, ops, used);
    }

    private static long[] Factor(long count, int rank, int[] split)
    {
        var dims = new long[rank];
        long rest = count;
        for (int i = 0; i < rank - 1; i++)
        {
            var divisors = Enumerable.Range(1, (int)Math.Min(rest, 64)).Where(x => rest % x == 0).ToArray();
            dims[i] = divisors[split[i] % divisors.Length];
            rest /= dims[i];
        }
        dims[rank - 1] = rest;
        return dims;
    }

    private static bool IsSmall(GraphCase graph)
    {
        var analysis = NetworkChecker.Check(graph.Spec);
        var results = analysis.Shapes?.Results ?? Array.Empty<NodeResult?>();
        return results.All(r => r is null || r.Output.Dims.Aggregate(1.0, (a, x) => a * x) <= 6000)
               && results.Sum(r => (double)(r?.Parameters ?? 0)) <= 40000;
    }
}
