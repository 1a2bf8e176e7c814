using System;
using static TorchSharp.torch;

namespace GanDsl.Layers;

internal static class GlobalPoolCheck
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="input"/> is (B, C, H, W).</summary>
    public static void Check(Tensor input, string layer)
    {
        if (input.ndim != 4)
            throw new ArgumentException($"{layer} needs an image batch (B, C, H, W), but got {ShapeText.Of(input)}", nameof(input));
    }
}
