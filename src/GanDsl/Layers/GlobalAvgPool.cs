using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>Averages each channel over height and width: (B, C, H, W) -> (B, C). No parameters.</summary>
public sealed class GlobalAvgPool : ParameterLessModule<Tensor, Tensor>
{
    private static readonly long[] SpatialDims = { 2, 3 };

    public GlobalAvgPool() : base(nameof(GlobalAvgPool)) { }

    public override Tensor forward(Tensor input)
    {
        GlobalPoolCheck.Check(input, nameof(GlobalAvgPool));
        return input.mean(SpatialDims);
    }
}
