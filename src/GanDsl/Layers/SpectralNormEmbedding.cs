using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// <c>nn.Embedding</c> with a spectrally normalised table, as in SNGAN's projection discriminator:
/// int64 indices of any shape S -> (S..., embedding_dims). The table (num_embeddings, embedding_dims) is the
/// matrix (dim 0). Parameters: num_embeddings * embedding_dims; buffers weight_u (num_embeddings) and
/// weight_v (embedding_dims). state_dict keys: <c>weight_orig</c>, <c>weight_u</c>, <c>weight_v</c>.
/// </summary>
public sealed class SpectralNormEmbedding : SpectralNormLayer
{
    /// <summary>Same argument names and initialisation (N(0, 1)) as <c>torch.nn.Embedding</c>.</summary>
    public SpectralNormEmbedding(long num_embeddings, long embedding_dims)
        : base(nameof(SpectralNormEmbedding), () => nn.Embedding(num_embeddings, embedding_dims), dim: 0)
    {
        NumEmbeddings = num_embeddings;
        EmbeddingDims = embedding_dims;
    }

    public long NumEmbeddings { get; }
    public long EmbeddingDims { get; }

    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias)
    {
        var shape = new long[input.ndim + 1];
        for (int i = 0; i < input.ndim; i++) shape[i] = input.shape[i];
        shape[^1] = EmbeddingDims;
        return weight.index_select(0, input.flatten()).reshape(shape);
    }
}
