using System;
using System.Linq;
using ScottPlot;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Output;

/// <summary>The sample picture of a generator of 2-D points: a scatter plot of generated points over real ones.</summary>
public static class PointsPlot
{
    public static void SavePng(Tensor generated, Tensor? real, string path, int width = 700, int height = 700, Tensor? modes = null) =>
        AtomicFile.WriteAllBytes(path, RenderPng(generated, real, width, height, modes));

    /// <summary><paramref name="generated"/> and <paramref name="real"/> are (N, 2) point sets; <paramref name="modes"/>
    /// (K, 2), when given, the true modes, drawn as crosses over both.</summary>
    public static byte[] RenderPng(Tensor generated, Tensor? real, int width = 700, int height = 700, Tensor? modes = null)
    {
        var plot = new Plot();
        if (real is not null) Add(plot, real, "real", Colors.Gray.WithAlpha(0.5));
        Add(plot, generated, "generated", Colors.OrangeRed.WithAlpha(0.6));
        if (modes is not null) Add(plot, modes, "true modes", Colors.Black, MarkerShape.Cross, 12);
        plot.Title("Generated points");
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void Add(Plot plot, Tensor points, string label, Color color, MarkerShape shape = MarkerShape.FilledCircle, float size = 5)
    {
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"a points plot needs (N, 2) points; got ({string.Join(", ", points.shape)})", nameof(points));
        float[] xy;
        using (torch.NewDisposeScope())
            xy = points.detach().to(torch.CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        // Non-finite points are left out rather than failing the run (divergence is reported elsewhere).
        var pairs = Enumerable.Range(0, xy.Length / 2).Where(i => float.IsFinite(xy[2 * i]) && float.IsFinite(xy[2 * i + 1])).ToArray();
        var scatter = plot.Add.ScatterPoints(pairs.Select(i => (double)xy[2 * i]).ToArray(), pairs.Select(i => (double)xy[2 * i + 1]).ToArray(), color);
        scatter.LegendText = label;
        scatter.MarkerSize = size;
        scatter.MarkerShape = shape;
    }
}
