using System;
using TorchSharp;
using GanDsl.Layers;
using static TorchSharp.torch;

namespace GanDsl.Tests.Layers;

/// <summary>One spectrally normalised layer per kind, with non-square weights, a matching input and the
/// matrix view PyTorch's spectral_norm uses for it (written out here, independently of the layer's own) and its inverse.</summary>
internal sealed record SpectralNormCase(
    string Kind,
    Func<SpectralNormLayer> Build,
    Func<torch.Generator, Tensor> Input,
    Func<Tensor, Tensor> AsMatrix,
    Func<Tensor, long[], Tensor> FromMatrix)
{
    private static Tensor Reshaped(Tensor matrix, long[] weightShape) => matrix.reshape(weightShape);
    public const string Linear = "linear", Conv = "conv", Deconv = "deconv", Embedding = "embedding";

    public static SpectralNormCase Of(string kind) => kind switch
    {
        // weight (5, 7): rows = out features
        Linear => new(kind, () => new SpectralNormLinear(7, 5), g => randn(new long[] { 3, 7 }, generator: g),
                      w => w.reshape(5, -1), Reshaped),
        // weight (8, 3, 3, 3): rows = out channels, matrix (8, 27)
        Conv => new(kind, () => new SpectralNormConv2d(3, 8, 3, stride: 2, padding: 1), g => randn(new long[] { 2, 3, 9, 9 }, generator: g),
                    w => w.reshape(8, -1), Reshaped),
        // weight (6, 4, 3, 3) = (in, out, kH, kW): rows = out channels (dim 1), matrix (4, 54)
        Deconv => new(kind, () => new SpectralNormConvTranspose2d(6, 4, 3, stride: 2, padding: 1, output_padding: 1),
                      g => randn(new long[] { 2, 6, 5, 5 }, generator: g), w => w.permute(1, 0, 2, 3).reshape(4, -1),
                      (m, shape) => m.reshape(shape[1], shape[0], shape[2], shape[3]).permute(1, 0, 2, 3)),
        // table (10, 6): rows = classes
        Embedding => new(kind, () => new SpectralNormEmbedding(10, 6), g => randint(0, 10, new long[] { 5 }, dtype: ScalarType.Int64, generator: g),
                         w => w.reshape(10, -1), Reshaped),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
