using System;
using System.Collections.Generic;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;

namespace GanDsl.Generators.Parsing;

/// <summary>
/// The parsing table: a layer attribute's class name -> the op it declares, read from its arguments with the
/// attribute's defaults. A new layer is an op file and one line here. [Block] is read here too, with its type
/// argument turned into a key by the network reader (it needs the symbol).
/// </summary>
internal static class OpReaders
{
    private static readonly Dictionary<string, Func<AttributeValues, Op>> Readers = new(StringComparer.Ordinal)
    {
        ["DenseAttribute"] = v => new Dense(v.Long(0), v.NamedBool("Bias", true), v.NamedBool("SpectralNorm", false)),
        ["Conv2dAttribute"] = v => new Conv2d(v.Long(0), v.NamedLong("Kernel", 0), v.NamedLong("Stride", 1), v.NamedLong("Padding", 0),
            v.IsSet("Padding"), v.NamedBool("Same", false), v.NamedBool("Bias", true), v.NamedBool("SpectralNorm", false)),
        ["ConvTranspose2dAttribute"] = v => new ConvTranspose2d(v.Long(0), v.NamedLong("Kernel", 0), v.NamedLong("Stride", 1),
            v.NamedLong("Padding", 0), v.IsSet("Padding"), v.NamedLong("OutputPadding", 0), v.IsSet("OutputPadding"),
            v.NamedBool("Same", false), v.NamedBool("Bias", true), v.NamedBool("SpectralNorm", false)),
        ["BatchNormAttribute"] = v => new BatchNorm(v.NamedDouble("Momentum", 0.1), v.NamedDouble("Eps", 1e-5)),
        ["LeakyReLUAttribute"] = v => new LeakyReLU(v.Double(0, 0.01)),
        ["ReLUAttribute"] = _ => Activation.ReLU,
        ["TanhAttribute"] = _ => Activation.Tanh,
        ["SigmoidAttribute"] = _ => Activation.Sigmoid,
        ["DropoutAttribute"] = v => new Dropout(v.Double(0, 0)),
        ["ReshapeAttribute"] = v => new Reshape(v.Longs(0).ToEquatableArray()),
        ["FlattenAttribute"] = _ => Flatten.Instance,
        ["UpsampleAttribute"] = v => new Upsample(v.Long(0)),
        ["ZeroPad2dAttribute"] = v => new ZeroPad2d(v.Long(0), v.Long(1), v.Long(2), v.Long(3)),
        ["LayerNormAttribute"] = v => new LayerNorm(v.NamedDouble("Eps", 1e-5)),
        ["InstanceNormAttribute"] = v => new InstanceNorm(v.NamedDouble("Eps", 1e-5), v.NamedBool("Affine", false)),
        ["ReflectionPad2dAttribute"] = v => new ReflectionPad2d(v.Long(0)),
        ["PixelShuffleAttribute"] = v => new PixelShuffle(v.Long(0)),
        ["PReLUAttribute"] = v => new PReLU(v.NamedDouble("Init", 0.25)),
        ["AvgPool2dAttribute"] = v => new AvgPool2d(v.Long(0)),
        ["GlobalSumPoolAttribute"] = _ => GlobalPool.SumPool,
        ["GlobalAvgPoolAttribute"] = _ => GlobalPool.AvgPool,
        ["ConcatLabelAttribute"] = v => new ConcatLabel(v.Long(0)),
        ["ConditionalBatchNormAttribute"] = v => new ConditionalBatchNorm(v.NamedDouble("Momentum", 0.1), v.NamedDouble("Eps", 1e-5)),
        ["ProjectLabelAttribute"] = v => new ProjectLabel(v.NamedBool("SpectralNorm", false)),
        ["TapAttribute"] = v => new Tap(v.String(0)!),
        ["ConcatAttribute"] = v => new Concat(v.String(0)!),
        ["AddAttribute"] = v => new Add(v.String(0)!),
        ["BlockAttribute"] = v => new Block("", v.Type(0)?.Name ?? "", v.NamedLong("Repeat", 1)),
    };

    /// <summary>The op an attribute of GanDsl declares, or null for one that is not in the table (a user-derived
    /// LayerAttribute, which the reader reports).</summary>
    public static Op? Read(string attributeClassName, AttributeValues values) =>
        Readers.TryGetValue(attributeClassName, out var read) ? read(values) : null;
}
