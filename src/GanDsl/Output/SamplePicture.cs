using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Output;

/// <summary>What picture shows a generator's samples.</summary>
public enum SamplePictureKind
{
    /// <summary>No picture fits the output (e.g. 2 channels, or vectors of another length): none is written.</summary>
    None,

    /// <summary>A grid of images: outputs (1, H, W) or (3, H, W).</summary>
    ImageGrid,

    /// <summary>A scatter plot: outputs (2), points in the plane.</summary>
    Points,
}

/// <summary>Chooses and writes the per-epoch sample picture from the generator's output shape, decided before
/// training so an output no picture fits never fails a run.</summary>
public static class SamplePicture
{
    public static SamplePictureKind KindFor(TensorShape sampleShape) => sampleShape.Rank switch
    {
        3 when sampleShape[0] is 1 or 3 => SamplePictureKind.ImageGrid,
        1 when sampleShape[0] == 2 => SamplePictureKind.Points,
        _ => SamplePictureKind.None,
    };

    /// <summary>Writes <paramref name="samples"/> as a <paramref name="kind"/> picture; <paramref name="real"/>
    /// (real samples) is drawn under generated points; <paramref name="columns"/> fixes a grid's row length (one row
    /// per class for a conditional model), else the grid is square. Returns the path, or null for <see cref="SamplePictureKind.None"/>.</summary>
    public static string? Save(SamplePictureKind kind, Tensor samples, Tensor? real, string path, int? columns = null)
    {
        switch (kind)
        {
            case SamplePictureKind.ImageGrid:
                SampleGrid.SavePng(samples, path, columns);
                return path;
            case SamplePictureKind.Points:
                PointsPlot.SavePng(samples, real, path);
                return path;
            default:
                return null;
        }
    }
}
