using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// Appends a learned embedding of each sample's class label to its features (conditional GAN input):
/// flat (B, N) -> (B, N + dim); image (B, C, H, W) -> (B, C + dim, H, W), the embedding broadcast over H x W
/// and appended as channels. Labels are int64 (B) in [0, classes).
/// Parameters: classes * dim (state_dict key <c>embedding.weight</c>, initialised N(0, 1) as nn.Embedding).
/// </summary>
public sealed class ConcatLabel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding embedding;

    /// <param name="classes">Number of classes (embedding rows).</param>
    /// <param name="dim">Size of the label embedding appended to each sample.</param>
    public ConcatLabel(long classes, long dim) : base(nameof(ConcatLabel))
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "ConcatLabel needs at least one class");
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, "ConcatLabel needs an embedding of at least one element");
        Classes = classes;
        Dim = dim;
        embedding = ScopeSafe.Detach(nn.Embedding(classes, embedding_dims: dim));
        RegisterComponents();
    }

    public long Classes { get; }
    public long Dim { get; }

    /// <param name="input">(B, N) or (B, C, H, W).</param>
    /// <param name="labels">int64 (B).</param>
    /// <returns>(B, N + dim) or (B, C + dim, H, W); it belongs to the caller's dispose scope.</returns>
    public override Tensor forward(Tensor input, Tensor labels)
    {
        if (input.ndim != 2 && input.ndim != 4)
            throw new ArgumentException($"ConcatLabel({Dim}) needs a flat (B, N) or image (B, C, H, W) input, but got {ShapeText.Of(input)}", nameof(input));
        LabelCheck.Check(labels, input.shape[0], Classes, $"ConcatLabel({Dim})");

        using var scope = NewDisposeScope();
        var label = embedding.call(labels);                                   // (B, dim)
        if (input.ndim == 4)
            label = label.reshape(-1, Dim, 1, 1).expand(-1, -1, input.shape[2], input.shape[3]);
        return scope.MoveToOuter(cat(new[] { input, label }, 1));
    }
}
