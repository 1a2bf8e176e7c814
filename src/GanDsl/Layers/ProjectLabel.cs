using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// The output layer of a projection discriminator (Miyato and Koyama 2018): (B, F) features and int64 (B) labels
/// -> (B, 1) logits, Dense(1)(h) + &lt;embed(label), h&gt;.
/// Parameters: F + 1 (the dense layer) + classes * F (the embedding), with or without spectral norm.
/// state_dict keys: <c>linear.weight</c>, <c>linear.bias</c>, <c>embedding.weight</c>; with spectral norm
/// <c>linear.bias</c>, <c>linear.weight_orig</c>, <c>linear.weight_u</c>, <c>linear.weight_v</c>,
/// <c>embedding.weight_orig</c>, <c>embedding.weight_u</c>, <c>embedding.weight_v</c>.
/// </summary>
/// <remarks>With <c>spectralNorm</c> both the dense layer and the embedding are spectrally normalised, as in the
/// SNGAN reference implementations (Chainer's SNEmbedID, BigGAN-PyTorch's SNEmbedding): left unconstrained, the
/// projection term alone could make the discriminator arbitrarily steep.</remarks>
public sealed class ProjectLabel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> linear;
    private readonly nn.Module<Tensor, Tensor> embedding;

    /// <param name="classes">Number of classes (embedding rows).</param>
    /// <param name="features">F, the size of the feature vector h.</param>
    /// <param name="spectralNorm">Spectrally normalise the dense layer and the embedding.</param>
    public ProjectLabel(long classes, long features, bool spectralNorm = false) : base(nameof(ProjectLabel))
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "ProjectLabel needs at least one class");
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "ProjectLabel needs at least one feature");
        Classes = classes;
        Features = features;
        SpectralNorm = spectralNorm;
        linear = spectralNorm ? new SpectralNormLinear(features, 1) : nn.Linear(features, 1);
        embedding = spectralNorm
            ? new SpectralNormEmbedding(classes, features)
            : ScopeSafe.Detach(nn.Embedding(classes, embedding_dims: features));
        RegisterComponents();
    }

    public long Classes { get; }
    public long Features { get; }
    public bool SpectralNorm { get; }

    /// <summary>When set, each forward also computes the class logits of its features, h . e_c for every class c (the
    /// projection's embeddings read as a softmax classifier), for <see cref="TakeClassLogits"/>. Off by default: the
    /// plain forward never pays for them.</summary>
    internal bool RecordsClassLogits { get; set; }

    private Tensor? _classLogits;

    /// <summary>The (B, Classes) class logits of the last forward, in that forward's dispose scope (the caller's); each
    /// forward's logits are taken once. A network that runs this layer twice in one forward keeps the second call's.</summary>
    internal Tensor TakeClassLogits()
    {
        var logits = _classLogits ?? throw new InvalidOperationException("ProjectLabel recorded no class logits: set RecordsClassLogits and run a forward first");
        _classLogits = null;
        return logits;
    }

    /// <param name="input">h, (B, F).</param>
    /// <param name="labels">int64 (B).</param>
    /// <returns>(B, 1) logits; they belong to the caller's dispose scope.</returns>
    public override Tensor forward(Tensor input, Tensor labels)
    {
        if (input.ndim != 2 || input.shape[1] != Features)
            throw new ArgumentException($"ProjectLabel needs features (B, {Features}), but got {ShapeText.Of(input)}", nameof(input));
        LabelCheck.Check(labels, input.shape[0], Classes, "ProjectLabel");

        using var scope = NewDisposeScope();
        Tensor chosen;   // embed(label), (B, F)
        if (RecordsClassLogits)
        {
            // One embedding call for all classes, so a spectrally normalised table does one power iteration per forward.
            using var count = Classes.ToScalar();
            var table = embedding.call(arange(count, dtype: ScalarType.Int64, device: input.device));   // (Classes, F)
            _classLogits = scope.MoveToOuter(input.matmul(table.t()));                                 // (B, Classes)
            chosen = table.index_select(0, labels);
        }
        else
        {
            chosen = embedding.call(labels);
        }
        var projection = (chosen * input).sum(1, keepdim: true);  // (B, 1)
        return scope.MoveToOuter(linear.call(input) + projection);
    }
}
