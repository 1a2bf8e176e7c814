using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// Class-conditional batch normalisation (de Vries et al. 2017; the generators of SNGAN's projection paper and
/// BigGAN): batch norm without its own affine, then a gain and a bias chosen by each sample's class,
/// y = BN(x) * (1 + gain[label]) + bias[label], per feature (B, N) or per channel (B, C, H, W).
/// Parameters: 2 * classes * features (state_dict keys <c>gain.weight</c>, <c>bias.weight</c>), both tables
/// initialised to zero so the layer starts as plain batch norm; buffers <c>norm.running_mean</c>,
/// <c>norm.running_var</c>, <c>norm.num_batches_tracked</c>.
/// </summary>
/// <remarks>Where a label concatenated to G's input must survive every later layer to matter, this layer lets the
/// class rescale every feature map it is placed on.</remarks>
public sealed class ConditionalBatchNorm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly Embedding gain;
    private readonly Embedding bias;

    /// <param name="classes">Number of classes (rows of the gain and bias tables).</param>
    /// <param name="features">N of a flat input, or C of an image input.</param>
    /// <param name="image">True for (B, C, H, W) inputs (BatchNorm2d), false for flat (B, N) ones (BatchNorm1d).</param>
    /// <param name="eps">As BatchNorm's eps.</param>
    /// <param name="momentum">As BatchNorm's momentum (PyTorch's meaning).</param>
    public ConditionalBatchNorm(long classes, long features, bool image, double eps = 1e-5, double momentum = 0.1)
        : base(nameof(ConditionalBatchNorm))
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "ConditionalBatchNorm needs at least one class");
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "ConditionalBatchNorm needs at least one feature");
        Classes = classes;
        Features = features;
        Image = image;
        norm = image
            ? nn.BatchNorm2d(features, eps: eps, momentum: momentum, affine: false)
            : nn.BatchNorm1d(features, eps: eps, momentum: momentum, affine: false);
        gain = ScopeSafe.Detach(nn.Embedding(classes, embedding_dims: features));
        bias = ScopeSafe.Detach(nn.Embedding(classes, embedding_dims: features));
        using (no_grad())
        {
            gain.weight!.zero_();
            bias.weight!.zero_();
        }
        RegisterComponents();
    }

    public long Classes { get; }
    public long Features { get; }
    public bool Image { get; }

    /// <param name="input">(B, N), or (B, C, H, W) when built for images.</param>
    /// <param name="labels">int64 (B).</param>
    /// <returns>The input's shape; it belongs to the caller's dispose scope.</returns>
    public override Tensor forward(Tensor input, Tensor labels)
    {
        long rank = Image ? 4 : 2;
        if (input.ndim != rank || input.shape[1] != Features)
            throw new ArgumentException(
                $"ConditionalBatchNorm needs {(Image ? $"(B, {Features}, H, W)" : $"(B, {Features})")}, but got {ShapeText.Of(input)}", nameof(input));
        LabelCheck.Check(labels, input.shape[0], Classes, "ConditionalBatchNorm");

        using var scope = NewDisposeScope();
        var shape = Image ? new long[] { -1, Features, 1, 1 } : new long[] { -1, Features };
        var scale = gain.call(labels).reshape(shape).add(Scalars.One);   // 1 + gain[label]
        var shift = bias.call(labels).reshape(shape);
        return scope.MoveToOuter(norm.call(input).mul(scale).add(shift));
    }
}
