using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;

namespace GanDsl.Tests.Properties;

/// <summary>A random layer stack on a random per-sample input shape, as a discriminator declares it.</summary>
internal sealed record Stack(long[] Input, LayerSpec[] Layers)
{
    public ModelSpec Spec => new("P", "D", ModelRole.Discriminator, Input.ToEquatableArray(), Layers.ToEquatableArray(),
        EquatableArray<Problem>.Empty, HasMalformedAttributes: false);

    /// <summary>The C# declaration that reproduces this stack, for failure reports.</summary>
    public string Source =>
        $"[GanDiscriminator({string.Join(", ", Input.Select(d => d.ToString(CultureInfo.InvariantCulture)))})] "
        + string.Concat(Layers.Select(l => "[" + AttributeText(l) + "] "))
        + "public partial class D { }";

    public override string ToString() => Source;

    /// <summary>Attribute syntax for a layer (LayerSpec.Display already is, except for the defaults it leaves out).</summary>
    public static string AttributeText(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Conv2d or LayerKind.ConvTranspose2d when layer.Kernel == 0 => layer.Display.Replace(", Kernel = 0", ""),
        _ => layer.Display,
    };
}

/// <summary>Random stacks over the whole layer catalogue. Arguments stay in the range where GanDsl and TorchSharp
/// mean the same thing (a DSL-only rule such as "Same and Padding both set" has nothing to compare against), plus
/// invalid values TorchSharp rejects too (zero kernel or stride, negative padding, output padding >= stride).</summary>
internal static class StackGen
{
    /// <summary>A layer as drawn. Reshape draws how to factor the element count it will receive; the factoring is
    /// resolved against the inferred shape so most reshapes fit (a wrong one is drawn too).</summary>
    internal sealed record Draw(LayerSpec Layer, int ReshapeRank, int[] Split, bool ReshapeFits);

    private static readonly Gen<bool> Bias = Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)));

    private static readonly Gen<long> Kernel = Gen.Frequency((1, Gen.Const(0L)), (30, Gen.Long[1, 5]));
    private static readonly Gen<long> Stride = Gen.Frequency((1, Gen.Const(0L)), (30, Gen.Long[1, 3]));
    private static readonly Gen<long?> Padding = Gen.Frequency(
        (12, Gen.Const((long?)null)), (8, Gen.Long[0, 3].Select(p => (long?)p)), (1, Gen.Const((long?)-1)));

    private static Gen<LayerSpec> Conv(LayerKind kind) =>
        Gen.Select(Gen.Long[1, 4], Kernel, Stride, Padding, Gen.Int[0, 3], Gen.Long[0, 7], Bias, (o, k, s, p, same, choice, bias) =>
        {
            bool isSame = same == 0 && p is null;
            // Mostly a valid output padding (below the stride), sometimes one equal to the stride, sometimes none.
            bool setOutputPadding = kind == LayerKind.ConvTranspose2d && !isSame && choice < 6;
            long op = choice < 5 ? choice % Math.Max(s, 1) : s;
            return new LayerSpec(kind)
            {
                OutChannels = o, Kernel = k, Stride = s, Bias = bias, Same = isSame,
                Padding = p ?? 0, PaddingSet = p is not null,
                OutputPadding = setOutputPadding ? op : 0, OutputPaddingSet = setOutputPadding,
            };
        });

    private static Gen<Draw> Plain(Gen<LayerSpec> layer) => layer.Select(l => new Draw(l, 0, Array.Empty<int>(), false));

    private static readonly Gen<Draw> Dense = Plain(Gen.Select(Gen.Long[1, 12], Bias, (u, b) => new LayerSpec(LayerKind.Dense) { Units = u, Bias = b }));
    private static readonly Gen<Draw> BatchNorm = Plain(Gen.Select(Gen.OneOf(0.1, 0.5, 0.0), Gen.OneOf(1e-5, 1e-3), (m, e) => new LayerSpec(LayerKind.BatchNorm) { Momentum = m, Eps = e }));
    private static readonly Gen<Draw> Activation = Gen.OneOf(
        Plain(Gen.OneOf(0.2, 0.01).Select(s => new LayerSpec(LayerKind.LeakyReLU) { Slope = s })),
        Plain(Gen.Const(new LayerSpec(LayerKind.ReLU))),
        Plain(Gen.Const(new LayerSpec(LayerKind.Tanh))),
        Plain(Gen.Const(new LayerSpec(LayerKind.Sigmoid))),
        Plain(Gen.OneOf(0.0, 0.3, 0.5).Select(p => new LayerSpec(LayerKind.Dropout) { P = p })));
    private static readonly Gen<Draw> Upsample = Plain(Gen.Long[1, 3].Select(s => new LayerSpec(LayerKind.Upsample) { Scale = s }));
    private static readonly Gen<Draw> ZeroPad = Plain(Gen.Long[0, 2].Array[4].Select(p => new LayerSpec(LayerKind.ZeroPad2d) { Left = p[0], Right = p[1], Top = p[2], Bottom = p[3] }));
    private static readonly Gen<Draw> Flatten = Plain(Gen.Const(new LayerSpec(LayerKind.Flatten)));
    private static Gen<Draw> Reshape(Gen<int> rank) =>
        Gen.Select(rank, Gen.Int[0, 1000].Array[3], Gen.Frequency((8, Gen.Const(true)), (1, Gen.Const(false))), Gen.Long[1, 6].Array[1, 3],
            (r, split, fits, dims) => new Draw(new LayerSpec(LayerKind.Reshape) { Dims = dims.ToEquatableArray() }, r, split, fits));

    private static readonly Gen<Draw> ImageLayer = Gen.Frequency(
        (6, Plain(Conv(LayerKind.Conv2d))), (5, Plain(Conv(LayerKind.ConvTranspose2d))), (2, BatchNorm), (2, Activation), (2, Upsample), (2, ZeroPad));
    private static readonly Gen<Draw> FlatLayer = Gen.Frequency((4, Dense), (2, BatchNorm), (2, Activation));

    /// <summary>How real models are built: (reshape to an image), image layers, flatten, dense layers;
    /// the random ordering below covers everything else.</summary>
    private static readonly Gen<Draw[]> Structured =
        Gen.Select(Reshape(Gen.Const(3)), ImageLayer.Array[0, 4], Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))), FlatLayer.Array[0, 3],
            (reshape, image, flatten, flat) => new[] { reshape }.Concat(image).Concat(flatten ? new[] { new Draw(new LayerSpec(LayerKind.Flatten), 0, Array.Empty<int>(), false) } : Array.Empty<Draw>()).Concat(flat).ToArray());

    private static readonly Gen<Draw> AnyLayer = Gen.Frequency(
        (4, Plain(Gen.Select(Gen.Long[1, 12], Bias, (u, b) => new LayerSpec(LayerKind.Dense) { Units = u, Bias = b }))),
        (6, Plain(Conv(LayerKind.Conv2d))),
        (5, Plain(Conv(LayerKind.ConvTranspose2d))),
        (2, Plain(Gen.Select(Gen.OneOf(0.1, 0.5, 0.0), Gen.OneOf(1e-5, 1e-3), (m, e) => new LayerSpec(LayerKind.BatchNorm) { Momentum = m, Eps = e }))),
        (1, Plain(Gen.OneOf(0.2, 0.01).Select(s => new LayerSpec(LayerKind.LeakyReLU) { Slope = s }))),
        (1, Plain(Gen.Const(new LayerSpec(LayerKind.ReLU)))),
        (1, Plain(Gen.Const(new LayerSpec(LayerKind.Tanh)))),
        (1, Plain(Gen.Const(new LayerSpec(LayerKind.Sigmoid)))),
        (1, Plain(Gen.OneOf(0.0, 0.3, 0.5).Select(p => new LayerSpec(LayerKind.Dropout) { P = p }))),
        (3, Plain(Gen.Const(new LayerSpec(LayerKind.Flatten)))),
        (4, Gen.Select(Gen.Int[1, 3], Gen.Int[0, 1000].Array[3], Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))), Gen.Long[1, 6].Array[1, 3],
            (rank, split, fits, dims) => new Draw(new LayerSpec(LayerKind.Reshape) { Dims = dims.ToEquatableArray() }, rank, split, fits))),
        (3, Plain(Gen.Long[1, 3].Select(s => new LayerSpec(LayerKind.Upsample) { Scale = s }))),
        (3, Plain(Gen.Long[0, 2].Array[4].Select(p => new LayerSpec(LayerKind.ZeroPad2d) { Left = p[0], Right = p[1], Top = p[2], Bottom = p[3] }))));

    private static readonly Gen<long[]> Input = Gen.Frequency(
        (1, Gen.Long[1, 48].Select(n => new[] { n })),
        (3, Gen.Select(Gen.Long[1, 4], Gen.Long[1, 10], Gen.Long[1, 10], (c, h, w) => new[] { c, h, w })));

    /// <summary>Stacks small enough to run in microseconds: the checker's own numbers bound the work.</summary>
    public static readonly Gen<Stack> Stacks =
        Gen.Select(Input, Gen.Frequency((1, AnyLayer.Array[1, 7]), (4, Structured)), Resolve).Where(IsSmall);

    /// <summary>Turns drawn reshapes into concrete dims: a fitting one factors the inferred element count.</summary>
    internal static Stack Resolve(long[] input, Draw[] draws)
    {
        var layers = new LayerSpec[draws.Length];
        Shape? current = new Shape(input);
        for (int i = 0; i < draws.Length; i++)
        {
            var d = draws[i];
            var layer = d.Layer;
            if (layer.Kind == LayerKind.Reshape && d.ReshapeFits && current is not null)
                layer = layer with { Dims = Factor(current.ElementCount, d.ReshapeRank, d.Split).ToEquatableArray() };
            layers[i] = layer;
            if (current is null) continue;
            current = LayerValidation.Validate(layer, i).Any() ? null : ShapeInference.Infer(current, layer, i).Result?.Output;
        }
        return new Stack(input, layers);
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

    private static bool IsSmall(Stack stack)
    {
        var analysis = ModelChecker.Check(stack.Spec);
        return analysis.Layers.All(l => l.Output.Dims.Aggregate(1.0, (a, x) => a * x) <= 6000)
               && analysis.Layers.Sum(l => (double)l.Parameters) <= 40000;
    }
}
