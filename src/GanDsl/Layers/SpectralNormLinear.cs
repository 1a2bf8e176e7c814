using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// <c>nn.Linear</c> with a spectrally normalised weight: (B, inputSize) -> (B, outputSize).
/// Parameters: inputSize * outputSize + (hasBias ? outputSize : 0); buffers weight_u (outputSize) and
/// weight_v (inputSize). state_dict keys: <c>bias</c>, <c>weight_orig</c>, <c>weight_u</c>, <c>weight_v</c>.
/// </summary>
public sealed class SpectralNormLinear : SpectralNormLayer
{
    /// <summary>Same arguments, names and initialisation as <c>torch.nn.Linear</c>.</summary>
    public SpectralNormLinear(long inputSize, long outputSize, bool hasBias = true)
        : base(nameof(SpectralNormLinear), () => nn.Linear(inputSize, outputSize, hasBias), dim: 0)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
    }

    public long InputSize { get; }
    public long OutputSize { get; }

    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) => nn.functional.linear(input, weight, bias);
}
