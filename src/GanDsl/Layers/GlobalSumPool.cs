using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>Sums each channel over height and width: (B, C, H, W) -> (B, C). No parameters.
/// SNGAN's ResNet discriminators end with it (a sum, so the logit scales with the image area).</summary>
public sealed class GlobalSumPool : ParameterLessModule<Tensor, Tensor>
{
    private static readonly long[] SpatialDims = { 2, 3 };

    public GlobalSumPool() : base(nameof(GlobalSumPool)) { }

    public override Tensor forward(Tensor input)
    {
        GlobalPoolCheck.Check(input, nameof(GlobalSumPool));
        return input.sum(SpatialDims);
    }
}
