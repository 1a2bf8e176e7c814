using System;
using System.IO;
using System.Linq;
using GanDsl.Output;
using SkiaSharp;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Output;

public sealed class OutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sample_grid_tiles_images_with_their_pixel_values()
    {
        using var images = torch.full(new long[] { 5, 1, 4, 4 }, -1f);
        images[1] = torch.tensor(1f); // second image white
        var path = Path.Combine(_folder, "grid.png");

        SampleGrid.SavePng(images, path, columns: 3, scale: 2);

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(2 + 3 * (8 + 2), bitmap.Width);
        Assert.Equal(2 + 2 * (8 + 2), bitmap.Height);
        Assert.Equal(new SKColor(0, 0, 0), bitmap.GetPixel(2, 2));        // first tile: black
        Assert.Equal(new SKColor(255, 255, 255), bitmap.GetPixel(12, 2)); // second tile: white
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Metrics_csv_round_trips_and_a_resumed_run_drops_rows_after_its_step()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        using (var csv = new MetricsCsv(path))
            for (int step = 1; step <= 5; step++) csv.Append(new MetricsRow(step, 1, 0.5 + step, 0.25, 0.75, 0.125, 10, step));
        Assert.Equal(5, MetricsCsv.Read(path).Count);

        using (var csv = new MetricsCsv(path, keepRowsUpToStep: 3))
            csv.Append(new MetricsRow(4, 1, 9, 9, 0.5, 0.5, 10, 4));

        var rows = MetricsCsv.Read(path);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, rows.Select(r => r.Step));
        Assert.Equal(3.5, rows[2].DLoss);
        Assert.Equal(9, rows[3].DLoss);
    }

    [Fact]
    public void Broken_metrics_line_names_file_and_line()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(path, MetricsRow.Header + "\n1,1,0.5,0.5,0.5,0.5,1,1\nnot,a,row\n");
        var e = Assert.Throws<InvalidDataException>(() => MetricsCsv.Read(path));
        Assert.Contains($"{path}(3)", e.Message);
    }

    [Fact]
    public void Loss_plot_is_a_png_of_the_requested_size()
    {
        var rows = Enumerable.Range(1, 30).Select(s => new MetricsRow(s, 1, 1.0 / s, 0.7 + 0.01 * s, 0.6, 0.4, 5, s)).ToList();
        var path = Path.Combine(_folder, "loss.png");
        LossPlot.SavePng(rows, path, 640, 400);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(640, bitmap.Width);
        Assert.Equal(400, bitmap.Height);
    }
}
