using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Data;

/// <summary>Turns IDX image and label arrays into tensors, checking that they describe the same samples.</summary>
public static class IdxImages
{
    /// <summary>(N, H, W) bytes -> (N, 1, H, W) floats scaled from [0, 255] to [-1, 1], as the seeds do.</summary>
    public static Tensor ToImageTensor(IdxArray images)
    {
        if (images.Dimensions.Length != 3)
            throw new IdxFormatException(images.FilePath, $"an image file must have 3 dimensions (count, height, width), this one has {images.Dimensions.Length} ({string.Join(" x ", images.Dimensions)})");
        if (images.Dimensions[1] < 1 || images.Dimensions[2] < 1)
            throw new IdxFormatException(images.FilePath, $"image size {images.Dimensions[1]} x {images.Dimensions[2]} is empty");
        TorchBackend.EnsureLoaded();
        long n = images.Dimensions[0], h = images.Dimensions[1], w = images.Dimensions[2];
        using var scope = torch.NewDisposeScope();
        var raw = torch.tensor(images.Data, new[] { n, 1, h, w }, dtype: ScalarType.Byte);
        using var halfRange = 127.5f.ToScalar();
        return (raw.to_type(ScalarType.Float32) / halfRange - Scalars.One).MoveToOuterDisposeScope();
    }

    /// <summary>(N) bytes -> (N) int64 labels, after checking the count agrees with the images'.</summary>
    public static Tensor ToLabelTensor(IdxArray labels, IdxArray images)
    {
        if (labels.Dimensions.Length != 1)
            throw new IdxFormatException(labels.FilePath, $"a label file must have 1 dimension, this one has {labels.Dimensions.Length} ({string.Join(" x ", labels.Dimensions)})");
        if (labels.Count != images.Count)
            throw new IdxFormatException(labels.FilePath, $"has {labels.Count} labels but {images.FilePath} has {images.Count} images");
        TorchBackend.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var raw = torch.tensor(labels.Data, new long[] { labels.Count }, dtype: ScalarType.Byte);
        return raw.to_type(ScalarType.Int64).MoveToOuterDisposeScope();
    }
}
