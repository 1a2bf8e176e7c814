using System.Collections.Generic;
using System.Linq;
using GanDsl.Output;
using ScottPlot;

namespace GanDsl.Evaluation;

/// <summary>fid.png beside loss.png: FID against the step, with the real-vs-real floor as a dashed line (the best
/// a generator can reach at this sample size) so the curve reads as "how far from real".</summary>
public static class FidPlot
{
    public const string FileName = "fid.png";

    public static void SavePng(IReadOnlyList<EvaluationRow> rows, double? floorFid, string path, int width = 900, int height = 500) =>
        AtomicFile.WriteAllBytes(path, RenderPng(rows, floorFid, width, height));

    public static byte[] RenderPng(IReadOnlyList<EvaluationRow> rows, double? floorFid, int width = 900, int height = 500)
    {
        var plot = new Plot();
        if (rows.Count > 0)
        {
            var line = plot.Add.Scatter(rows.Select(r => (double)r.Step).ToArray(), rows.Select(r => r.Fid).ToArray());
            line.LegendText = "FID (generated vs t10k)";
            line.MarkerSize = rows.Count > 50 ? 0 : 5;
        }
        if (floorFid is { } floor)
        {
            var h = plot.Add.HorizontalLine(floor);
            h.LinePattern = LinePattern.Dashed;
            h.LegendText = $"floor (real vs real) {floor:0.00}";
        }
        plot.Title("FID during training");
        plot.XLabel("step");
        plot.YLabel("FID (classifier features)");
        plot.Axes.SetLimitsY(0, System.Math.Max(1, rows.Select(r => r.Fid).DefaultIfEmpty(1).Max() * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
