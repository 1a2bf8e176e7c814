using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Data;

/// <summary>
/// Images as one (N, C, H, W) float tensor in [-1, 1] on the CPU (or vectors, (N, D), for a discriminator declared
/// on a flat shape such as 2-D points), optional int64 labels, and where they came from.
/// Owns its tensors: dispose it when done.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    private ImageDataset(Tensor images, Tensor? labels, string source)
    {
        // The dataset owns its tensors: no caller's dispose scope may free them.
        Images = images.DetachFromDisposeScope();
        Labels = labels?.DetachFromDisposeScope();
        Source = source;
        ImageShape = TensorShape.OfBatch(images.shape);
    }

    public Tensor Images { get; }
    public Tensor? Labels { get; }

    /// <summary>Human-readable origin, e.g. the folder the files were read from.</summary>
    public string Source { get; }

    public TensorShape ImageShape { get; }
    public int Count => (int)Images.shape[0];

    /// <summary>Reads an IDX image file and, optionally, its label file.</summary>
    public static ImageDataset FromIdx(string imagesPath, string? labelsPath = null, string? source = null)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = labelsPath is null ? null : IdxReader.Read(labelsPath);
        return FromIdx(images, labels, source ?? imagesPath);
    }

    /// <summary>IDX arrays already read (e.g. from files embedded in GanDsl.dll) as a dataset.</summary>
    internal static ImageDataset FromIdx(IdxArray images, IdxArray? labels, string source)
    {
        var imageTensor = IdxImages.ToImageTensor(images);
        try
        {
            var labelTensor = labels is null ? null : IdxImages.ToLabelTensor(labels, images);
            return new ImageDataset(imageTensor, labelTensor, source);
        }
        catch
        {
            imageTensor.Dispose();
            throw;
        }
    }

    /// <summary>Wraps copies of (N, C, H, W) images or (N, D) vectors (and (N) labels); the caller keeps its own tensors.</summary>
    public static ImageDataset FromTensor(Tensor images, Tensor? labels, string source)
    {
        TorchBackend.EnsureLoaded();
        if (images.dim() is not (2 or 4))
            throw new ArgumentException($"images must be (N, C, H, W) images or (N, D) vectors; got ({string.Join(", ", images.shape)})", nameof(images));
        if (labels is not null && (labels.dim() != 1 || labels.shape[0] != images.shape[0]))
            throw new ArgumentException($"labels must be ({images.shape[0]}); got ({string.Join(", ", labels.shape)})", nameof(labels));
        var imageCopy = images.detach().to(torch.CPU).to_type(ScalarType.Float32).clone();
        var labelCopy = labels?.detach().to(torch.CPU).to_type(ScalarType.Int64).clone();
        return new ImageDataset(imageCopy, labelCopy, source);
    }

    /// <summary>The first <paramref name="count"/> samples as a new dataset (e.g. for a quick run).</summary>
    public ImageDataset Take(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1");
        int n = Math.Min(count, Count);
        using var scope = torch.NewDisposeScope();
        return FromTensor(Images[..n], Labels?[..n], $"{Source} (first {n})");
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels?.Dispose();
    }
}
