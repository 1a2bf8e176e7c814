using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace GanDsl.Output;

/// <summary>The loss curves of a run (ScottPlot): D and G loss (left axis) and D(x), D(G(z)) (right axis) against the step.</summary>
public static class LossPlot
{
    public static void SavePng(IReadOnlyList<MetricsRow> rows, string path, int width = 900, int height = 650) =>
        AtomicFile.WriteAllBytes(path, RenderPng(rows, width, height));

    public static byte[] RenderPng(IReadOnlyList<MetricsRow> rows, int width = 900, int height = 650)
    {
        double[] steps = rows.Select(r => (double)r.Step).ToArray();
        var plot = new Plot();
        Line(plot, steps, rows.Select(r => r.DLoss), "D loss", plot.Axes.Left);
        Line(plot, steps, rows.Select(r => r.GLoss), "G loss", plot.Axes.Left);
        // Probabilities live on their own [0, 1] axis so they stay readable next to losses.
        Line(plot, steps, rows.Select(r => r.DReal), "D(x)", plot.Axes.Right);
        Line(plot, steps, rows.Select(r => r.DFake), "D(G(z))", plot.Axes.Right);
        plot.Title("Training losses");
        plot.XLabel("step");
        plot.Axes.Left.Label.Text = "loss";
        plot.Axes.Right.Label.Text = "D output (probability)";
        plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, ScottPlot.IYAxis axis)
    {
        if (xs.Length == 0) return;
        var scatter = plot.Add.Scatter(xs, ys.Select(y => double.IsFinite(y) ? y : double.NaN).ToArray());
        scatter.LegendText = label;
        scatter.MarkerSize = xs.Length > 50 ? 0 : 4;
        scatter.Axes.YAxis = axis;
    }
}
