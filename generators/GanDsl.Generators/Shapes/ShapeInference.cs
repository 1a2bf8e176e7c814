using System;
using System.Linq;
using GanDsl.Generators.Model;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>
/// The shape arithmetic of every layer, mirroring PyTorch's formulas. Pure: no Roslyn types.
/// A layer either yields a <see cref="LayerResult"/> or a <see cref="Problem"/>.
/// </summary>
internal static class ShapeInference
{
    /// <summary>Largest per-sample element count we accept; larger tensors cannot be trained anyway.</summary>
    public const long MaxElements = int.MaxValue;

    /// <param name="inputIsLatent">The input is a generator's latent vector (its first layer), which changes what a
    /// wrong-rank message suggests.</param>
    public static (LayerResult? Result, Problem? Problem) Infer(Shape input, LayerSpec layer, int index, bool inputIsLatent = false)
    {
        LayerResult? result;
        Problem? problem;
        try
        {
            (result, problem) = InferUnchecked(input, layer, index, inputIsLatent);
        }
        catch (OverflowException)
        {
            return (null, Overflow(input, layer, index, "the size arithmetic overflows 64-bit integers"));
        }
        // A double product cannot overflow; anything above the limit is refused before it reaches a long.
        if (result is not null && result.Output.Dims.Aggregate(1.0, (a, d) => a * d) > MaxElements)
            return (null, Overflow(input, layer, index, Invariant($"output {result.Output} has more than {MaxElements} elements per sample")));
        return (result, problem);
    }

    private static Problem Overflow(Shape input, LayerSpec layer, int index, string what) =>
        new(ProblemCode.SizeOverflow, ProblemSeverity.Error, index, Invariant($"{layer.Display} on input {input}: {what}"));

    private static (LayerResult?, Problem?) InferUnchecked(Shape input, LayerSpec layer, int index, bool inputIsLatent)
    {
        LayerResult Ok(Shape output, long parameters = 0, ConvPlan? conv = null) => new(input, output, parameters, conv ?? ConvPlan.None);

        switch (layer.Kind)
        {
            case LayerKind.Dense:
            {
                if (input.Rank != 1) return (null, NeedsFlat(input, layer, index));
                long parameters = checked(input[0] * layer.Units + (layer.Bias ? layer.Units : 0));
                return (Ok(new Shape(layer.Units), parameters), null);
            }
            case LayerKind.Conv2d:
            {
                if (input.Rank != 3) return (null, NeedsImage(input, layer, index, inputIsLatent));
                var plan = Conv2dPlan(layer, input[1], input[2]);
                long h = Conv2dOutput(input[1], plan.PaddingH, layer.Kernel, layer.Stride, plan.SameMode);
                long w = Conv2dOutput(input[2], plan.PaddingW, layer.Kernel, layer.Stride, plan.SameMode);
                if (h < 1 || w < 1)
                {
                    bool height = h < 1;
                    long size = height ? input[1] : input[2];
                    long padding = height ? plan.PaddingH : plan.PaddingW;
                    return (null, new Problem(ProblemCode.ImpossibleArithmetic, ProblemSeverity.Error, index,
                        Invariant($"{layer.Display} on input {input}: output {(height ? "height" : "width")} = floor(({size} + 2*{padding} - {layer.Kernel}) / {layer.Stride}) + 1 = {(height ? h : w)}, less than 1")));
                }
                long parameters = checked(input[0] * layer.OutChannels * layer.Kernel * layer.Kernel + (layer.Bias ? layer.OutChannels : 0));
                return (Ok(new Shape(layer.OutChannels, h, w), parameters, plan), null);
            }
            case LayerKind.ConvTranspose2d:
            {
                if (input.Rank != 3) return (null, NeedsImage(input, layer, index, inputIsLatent));
                var plan = ConvTranspose2dPlan(layer);
                if (plan is null)
                {
                    long target = checked(input[1] * layer.Stride);
                    return (null, new Problem(ProblemCode.ImpossibleArithmetic, ProblemSeverity.Error, index,
                        Invariant($"{layer.Display} on input {input}: 'same' needs output = {input[1]} * {layer.Stride} = {target}, but ({input[1]} - 1)*{layer.Stride} - 2*p + {layer.Kernel} + op = {target} has no solution with p >= 0 and 0 <= op < stride {layer.Stride}; use an odd Kernel or Stride > 1")));
                }
                long h = ConvTranspose2dOutput(input[1], layer.Kernel, layer.Stride, plan.PaddingH, plan.OutputPadding);
                long w = ConvTranspose2dOutput(input[2], layer.Kernel, layer.Stride, plan.PaddingW, plan.OutputPadding);
                if (h < 1 || w < 1)
                {
                    bool height = h < 1;
                    long size = height ? input[1] : input[2];
                    return (null, new Problem(ProblemCode.ImpossibleArithmetic, ProblemSeverity.Error, index,
                        Invariant($"{layer.Display} on input {input}: output {(height ? "height" : "width")} = ({size} - 1)*{layer.Stride} - 2*{plan.PaddingH} + {layer.Kernel} + {plan.OutputPadding} = {(height ? h : w)}, less than 1")));
                }
                long parameters = checked(input[0] * layer.OutChannels * layer.Kernel * layer.Kernel + (layer.Bias ? layer.OutChannels : 0));
                return (Ok(new Shape(layer.OutChannels, h, w), parameters, plan), null);
            }
            case LayerKind.BatchNorm:
                if (input.Rank != 1 && input.Rank != 3)
                    return (null, new Problem(ProblemCode.WrongRank, ProblemSeverity.Error, index,
                        Invariant($"{layer.Display} needs a flat (N) or image (C, H, W) input but receives {input}")));
                return (Ok(input, checked(2 * input[0])), null);
            case LayerKind.LeakyReLU:
            case LayerKind.ReLU:
            case LayerKind.Tanh:
            case LayerKind.Sigmoid:
            case LayerKind.Dropout:
                return (Ok(input), null);
            case LayerKind.Flatten:
                return (Ok(new Shape(input.ElementCount)), null);
            case LayerKind.Reshape:
            {
                var target = new Shape(layer.Dims);
                long want = target.ElementCount, have = input.ElementCount;
                if (want != have)
                    return (null, new Problem(ProblemCode.ReshapeCount, ProblemSeverity.Error, index,
                        Invariant($"{layer.Display} needs {want} elements {target} but its input {input} has {have}"), Suggestions.ForReshapeCount(input, target)));
                return (Ok(target), null);
            }
            case LayerKind.Upsample:
                if (input.Rank != 3) return (null, NeedsImage(input, layer, index, inputIsLatent));
                return (Ok(new Shape(input[0], checked(input[1] * layer.Scale), checked(input[2] * layer.Scale))), null);
            case LayerKind.ZeroPad2d:
                if (input.Rank != 3) return (null, NeedsImage(input, layer, index, inputIsLatent));
                return (Ok(new Shape(input[0], checked(input[1] + layer.Top + layer.Bottom), checked(input[2] + layer.Left + layer.Right))), null);
            default:
                // Becomes GAN000, whose text must not depend on the culture: ArgumentOutOfRangeException would format
                // the value with the compiler's culture, and analyzers may not switch cultures (RS1035).
                throw new InvalidOperationException(Invariant($"unknown layer kind {(int)layer.Kind}"));
        }
    }

    private static Problem NeedsFlat(Shape input, LayerSpec layer, int index) =>
        new(ProblemCode.WrongRank, ProblemSeverity.Error, index,
            Invariant($"{layer.Display} needs a flat (N) input but receives {input}; add [Flatten] before it"), "Flatten");

    private static Problem NeedsImage(Shape input, LayerSpec layer, int index, bool inputIsLatent)
    {
        var (hint, fix) = Suggestions.ForImageInput(input, inputIsLatent);
        string received = inputIsLatent ? Invariant($"the latent vector {input}") : input.ToString();
        return new(ProblemCode.WrongRank, ProblemSeverity.Error, index,
            Invariant($"{layer.Display} needs an image (C, H, W) input but receives {received}{hint}"), fix);
    }

    // ---- convolution arithmetic (shared with the emitter through ConvPlan) ----

    /// <summary>Conv2d padding. Keras 'same' output is ceil(in / stride); PyTorch pads symmetrically, so an odd
    /// total padding takes the larger half (strided: the output size still comes out right) or TorchSharp's
    /// Padding.Same (stride 1, even kernel).</summary>
    internal static ConvPlan Conv2dPlan(LayerSpec layer, long height, long width)
    {
        if (!layer.Same) return new ConvPlan(layer.Padding, layer.Padding, 0, false);
        if (layer.Stride == 1 && layer.Kernel % 2 == 0) return new ConvPlan(0, 0, 0, true);
        long SymmetricHalf(long size) => (SameTotal(size, layer.Kernel, layer.Stride) + 1) / 2;
        return new ConvPlan(SymmetricHalf(height), SymmetricHalf(width), 0, false);
    }

    private static long SameTotal(long size, long kernel, long stride)
    {
        long output = CeilDiv(size, stride);
        return Math.Max(checked((output - 1) * stride + kernel - size), 0);
    }

    internal static long Conv2dOutput(long size, long padding, long kernel, long stride, bool sameMode)
    {
        if (sameMode) return size;
        long span = checked(size + 2 * padding - kernel);
        return span < 0 ? 0 : span / stride + 1;
    }

    /// <summary>ConvTranspose2d padding. Keras 'same' output is in * stride, which needs 2p - op = kernel - stride
    /// with 0 &lt;= op &lt; stride; null when that has no solution (stride 1 with an even kernel).</summary>
    internal static ConvPlan? ConvTranspose2dPlan(LayerSpec layer)
    {
        if (!layer.Same) return new ConvPlan(layer.Padding, layer.Padding, layer.OutputPadding, false);
        long diff = layer.Kernel - layer.Stride;
        if (diff < 0) return new ConvPlan(0, 0, -diff, false);
        long padding = (diff + 1) / 2;
        long outputPadding = 2 * padding - diff;
        return outputPadding < layer.Stride ? new ConvPlan(padding, padding, outputPadding, false) : null;
    }

    internal static long ConvTranspose2dOutput(long size, long kernel, long stride, long padding, long outputPadding) =>
        checked((size - 1) * stride - 2 * padding + kernel + outputPadding);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
