using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>Reshapes every sample of a batch to a fixed shape (the batch dimension is kept). No parameters.</summary>
public sealed class Reshape : nn.Module<Tensor, Tensor>
{
    private readonly long[] _batchShape;

    public Reshape(params long[] shape) : base(nameof(Reshape))
    {
        _batchShape = new long[] { -1 }.Concat(shape).ToArray();
    }

    public override Tensor forward(Tensor input) => input.reshape(_batchShape);
}
