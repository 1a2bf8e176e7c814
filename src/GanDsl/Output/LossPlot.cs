using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace GanDsl.Output;

/// <summary>
/// The metric curves of a run against the step, one panel per kind of metric, stacked: losses (and penalty terms);
/// probabilities on a fixed [0, 1] axis (D(x), D(G(z)) under the cross-entropy losses); scores on their own axis (a
/// critic's outputs are not probabilities).
/// </summary>
public static class LossPlot
{
    public static void SavePng(MetricsLog log, IReadOnlyList<MetricColumn> columns, string path, int width = 900, int height = 650) =>
        AtomicFile.WriteAllBytes(path, RenderPng(log, columns, width, height));

    public static byte[] RenderPng(MetricsLog log, IReadOnlyList<MetricColumn> columns, int width = 900, int height = 650)
    {
        double[] steps = log.Rows.Select(r => (double)r.Step).ToArray();
        var panels = Panels(log, columns);

        using var picture = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(picture))
        {
            canvas.Clear(SKColors.White);
            int top = 0;
            for (int i = 0; i < panels.Count; i++)
            {
                int panelHeight = i == panels.Count - 1 ? height - top : height / panels.Count;
                var plot = Panel(panels[i].Kind, panels[i].Columns, steps, log, first: i == 0);
                using var panel = SKBitmap.Decode(plot.GetImageBytes(width, panelHeight, ImageFormat.Png));
                canvas.DrawBitmap(panel, 0, top);
                top += panelHeight;
            }
        }
        using var image = SKImage.FromBitmap(picture);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The panels, top to bottom: losses, probabilities, scores; each with the logged columns of its kind
    /// (kinds with none are left out; a log with no known column gets one empty loss panel).</summary>
    internal static IReadOnlyList<(MetricKind Kind, IReadOnlyList<MetricColumn> Columns)> Panels(MetricsLog log, IReadOnlyList<MetricColumn> columns)
    {
        var panels = new[] { MetricKind.Loss, MetricKind.Probability, MetricKind.Score }
            .Select(kind => (Kind: kind, Columns: (IReadOnlyList<MetricColumn>)columns.Where(c => c.Kind == kind && log.Columns.Contains(c.Name)).ToList()))
            .Where(p => p.Columns.Count > 0)
            .ToList();
        if (panels.Count == 0) panels.Add((MetricKind.Loss, Array.Empty<MetricColumn>()));
        return panels;
    }

    private static Plot Panel(MetricKind kind, IReadOnlyList<MetricColumn> columns, double[] steps, MetricsLog log, bool first)
    {
        var plot = new Plot();
        foreach (var column in columns) Line(plot, steps, log.Series(column.Name), column.Label);
        if (first) plot.Title("Training metrics");
        plot.XLabel("step");
        plot.YLabel(kind switch
        {
            MetricKind.Probability => "D output (probability)",
            MetricKind.Score => columns.All(c => c.Network == "discriminator") ? "D output (score)" : "score",
            _ => "loss",
        });
        if (kind == MetricKind.Probability) plot.Axes.SetLimitsY(0, 1);
        if (columns.Count > 0) plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0) return;
        var scatter = plot.Add.Scatter(xs, ys.Select(y => double.IsFinite(y) ? y : double.NaN).ToArray());
        scatter.LegendText = label;
        scatter.MarkerSize = xs.Length > 50 ? 0 : 4;
    }
}
