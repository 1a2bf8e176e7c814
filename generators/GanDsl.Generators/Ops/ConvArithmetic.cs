using System;

namespace GanDsl.Generators.Ops;

/// <summary>
/// The TorchSharp arguments chosen for a convolution so that its output has the inferred size.
/// Heights and widths can need different padding under 'same'. <see cref="SameMode"/>: pass TorchSharp's
/// Padding.Same (stride 1 with an even kernel, where the padding is asymmetric and no number expresses it).
/// </summary>
internal sealed record ConvPlan(long PaddingH, long PaddingW, long OutputPadding, bool SameMode);

/// <summary>PyTorch's convolution size formulas and the 'same' padding plans (shared by the shape rule and the emitter).</summary>
internal static class ConvArithmetic
{
    /// <summary>Conv2d padding. Keras 'same' output is ceil(in / stride); PyTorch pads symmetrically, so an odd
    /// total padding takes the larger half (strided: the output size still comes out right) or TorchSharp's
    /// Padding.Same (stride 1, even kernel).</summary>
    public static ConvPlan Conv2dPlan(long kernel, long stride, long padding, bool same, long height, long width)
    {
        if (!same) return new ConvPlan(padding, padding, 0, false);
        if (stride == 1 && kernel % 2 == 0) return new ConvPlan(0, 0, 0, true);
        long SymmetricHalf(long size) => (SameTotal(size, kernel, stride) + 1) / 2;
        return new ConvPlan(SymmetricHalf(height), SymmetricHalf(width), 0, false);
    }

    private static long SameTotal(long size, long kernel, long stride)
    {
        long output = (size + stride - 1) / stride;
        return Math.Max(checked((output - 1) * stride + kernel - size), 0);
    }

    public static long Conv2dOutput(long size, long padding, long kernel, long stride, bool sameMode)
    {
        if (sameMode) return size;
        long span = checked(size + 2 * padding - kernel);
        return span < 0 ? 0 : span / stride + 1;
    }

    /// <summary>ConvTranspose2d padding. Keras 'same' output is in * stride, which needs 2p - op = kernel - stride
    /// with 0 &lt;= op &lt; stride; null when that has no solution (stride 1 with an even kernel).</summary>
    public static ConvPlan? ConvTranspose2dPlan(long kernel, long stride, long padding, long outputPadding, bool same)
    {
        if (!same) return new ConvPlan(padding, padding, outputPadding, false);
        long diff = kernel - stride;
        if (diff < 0) return new ConvPlan(0, 0, -diff, false);
        long p = (diff + 1) / 2;
        long op = 2 * p - diff;
        return op < stride ? new ConvPlan(p, p, op, false) : null;
    }

    public static long ConvTranspose2dOutput(long size, long kernel, long stride, long padding, long outputPadding) =>
        checked((size - 1) * stride - 2 * padding + kernel + outputPadding);
}
