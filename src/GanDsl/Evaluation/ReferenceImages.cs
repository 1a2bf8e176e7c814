using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>A set of images given as its distinct images and, when some repeat, which distinct image each one is
/// (so the classifier sees each distinct image once).</summary>
internal sealed record ImageSet(string Name, string Description, Tensor Distinct, Tensor? Repeats);

/// <summary>Image sets of known badness, for reading the metrics of a real generator against.</summary>
internal static class ReferenceImages
{
    /// <summary>The class the one-class baseline repeats (7 = Sneaker in Fashion-MNIST's label order).</summary>
    public const int OneClass = 7;

    /// <summary>Three bad "generators" of <paramref name="n"/> images each, built from the floor half (never from the
    /// half they are compared with): perfect mode collapse onto real images of one class, the mean real image
    /// repeated, and Gaussian noise.</summary>
    public static IEnumerable<ImageSet> BadGenerators(Tensor floorImages, Tensor floorClasses, int n, long seed)
    {
        using var oneClass = OneClass.ToScalar();
        var sneakers = floorClasses.eq(oneClass).nonzero().flatten();
        if (sneakers.shape[0] > 0)
            yield return new ImageSet("one-class", $"mode collapse: the floor half's {sneakers.shape[0]} real sneakers (class {OneClass}), repeated to {n}",
                floorImages.index_select(0, sneakers), GanSampling.CyclingLabels(n, (int)sneakers.shape[0], torch.CPU));
        yield return new ImageSet("mean-image", "the floor half's mean image, repeated",
            floorImages.mean(new long[] { 0 }, keepdim: true), torch.zeros(n, dtype: ScalarType.Int64));
        using var random = new torch.Generator(unchecked((ulong)seed) ^ 0x0015_E5EEDUL);
        yield return new ImageSet("gaussian-noise", "pixels drawn from N(0, 1), clipped to [-1, 1]",
            torch.randn(new long[] { n, 1, 28, 28 }, generator: random).clamp(Scalars.MinusOne, Scalars.One), null);
    }
}
