using System.Collections.Generic;
using GanDsl.Generators.Model;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>Argument checks that need no shape (GAN006).</summary>
internal static class LayerValidation
{
    public static IEnumerable<Problem> Validate(LayerSpec layer, int index)
    {
        var name = layer.Display;
        Problem Bad(string what, string fix = "") =>
            new(ProblemCode.InvalidArgument, ProblemSeverity.Error, index, Invariant($"{name}: {what}"), fix);

        switch (layer.Kind)
        {
            case LayerKind.Dense:
                if (layer.Units < 1) yield return Bad(Invariant($"units must be at least 1, got {layer.Units}"));
                break;
            case LayerKind.Conv2d:
            case LayerKind.ConvTranspose2d:
                bool transposed = layer.Kind == LayerKind.ConvTranspose2d;
                if (layer.OutChannels < 1) yield return Bad(Invariant($"outChannels must be at least 1, got {layer.OutChannels}"));
                if (layer.Kernel < 1) yield return Bad(layer.Kernel == 0 ? "Kernel must be set (Kernel = k, k >= 1)" : Invariant($"Kernel must be at least 1, got {layer.Kernel}"));
                if (layer.Stride < 1) yield return Bad(Invariant($"Stride must be at least 1, got {layer.Stride}"));
                if (layer.Padding < 0) yield return Bad(Invariant($"Padding must be 0 or more, got {layer.Padding}"));
                if (layer.Same && layer.PaddingSet)
                    yield return Bad("Same = true and Padding both set the padding; keep one", "DropPadding");
                if (transposed)
                {
                    if (layer.Same && layer.OutputPaddingSet)
                        yield return Bad("Same = true and OutputPadding both set the output padding; keep one", "DropOutputPadding");
                    if (layer.OutputPadding < 0) yield return Bad(Invariant($"OutputPadding must be 0 or more, got {layer.OutputPadding}"));
                    else if (layer.Stride >= 1 && layer.OutputPadding >= layer.Stride)
                        yield return Bad(Invariant($"OutputPadding must be smaller than Stride, got OutputPadding = {layer.OutputPadding} with Stride = {layer.Stride}"));
                }
                break;
            case LayerKind.BatchNorm:
                if (!(layer.Momentum >= 0 && layer.Momentum <= 1)) yield return Bad(Invariant($"Momentum must be in [0, 1], got {LayerSpec.Num(layer.Momentum)}"));
                if (!(layer.Eps > 0 && !double.IsInfinity(layer.Eps))) yield return Bad(Invariant($"Eps must be positive, got {LayerSpec.Num(layer.Eps)}"));
                break;
            case LayerKind.LeakyReLU:
                if (double.IsNaN(layer.Slope) || double.IsInfinity(layer.Slope)) yield return Bad(Invariant($"slope must be a finite number, got {LayerSpec.Num(layer.Slope)}"));
                break;
            case LayerKind.Dropout:
                if (!(layer.P >= 0 && layer.P < 1)) yield return Bad(Invariant($"p must be in [0, 1), got {LayerSpec.Num(layer.P)}"));
                break;
            case LayerKind.Reshape:
                if (layer.Dims.Count == 0) yield return Bad("needs at least one dimension");
                foreach (var d in layer.Dims)
                    if (d < 1) { yield return Bad(Invariant($"every dimension must be at least 1, got {d}")); break; }
                break;
            case LayerKind.Upsample:
                if (layer.Scale < 1) yield return Bad(Invariant($"scale must be at least 1, got {layer.Scale}"));
                break;
            case LayerKind.ZeroPad2d:
                if (layer.Left < 0 || layer.Right < 0 || layer.Top < 0 || layer.Bottom < 0)
                    yield return Bad("padding must be 0 or more on every side");
                break;
        }
    }
}
