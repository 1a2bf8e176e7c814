using static TorchSharp.torch;

namespace GanDsl.Layers;

internal static class ShapeText
{
    /// <summary>A tensor's shape as error messages print it, e.g. "(64, 1, 28, 28)".</summary>
    public static string Of(Tensor tensor) => "(" + string.Join(", ", tensor.shape) + ")";
}
