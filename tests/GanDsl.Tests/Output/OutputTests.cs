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

    private static readonly string[] Columns = { "d_loss", "g_loss", "d_real", "d_fake" };

    private static MetricsRow Row(long step, double dLoss, double gLoss = 0.25, double real = 0.75, double fake = 0.125) =>
        new(step, 1, new[] { dLoss, gLoss, real, fake }, 10, step);

    [Fact]
    public void Metrics_csv_round_trips_and_a_resumed_run_drops_rows_after_its_step()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        using (var csv = new MetricsCsv(path, Columns))
            for (int step = 1; step <= 5; step++) csv.Append(Row(step, 0.5 + step));
        Assert.Equal(5, MetricsCsv.Read(path).Rows.Count);
        Assert.Equal("step,epoch,d_loss,g_loss,d_real,d_fake,steps_per_second,seconds", File.ReadLines(path).First());

        using (var csv = new MetricsCsv(path, Columns, keepRowsUpToStep: 3))
            csv.Append(Row(4, 9, 9, 0.5, 0.5));

        var log = MetricsCsv.Read(path);
        Assert.Equal(Columns, log.Columns);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, log.Rows.Select(r => r.Step));
        Assert.Equal(3.5, log.Rows[2].Values[0]);
        Assert.Equal(new[] { 1.5, 2.5, 3.5, 9 }, log.Series("d_loss"));
    }

    [Fact]
    public void Metrics_csv_follows_the_objective_columns_and_refuses_to_continue_a_file_of_other_columns()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        string[] critic = { "d_loss", "g_loss", "critic_real", "critic_fake", "gp" };
        using (var csv = new MetricsCsv(path, critic))
        {
            csv.Append(new MetricsRow(1, 1, new[] { -1.5, 0.5, 2.0, 0.5, 0.25 }, 3, 1));
            Assert.Throws<ArgumentException>(() => csv.Append(Row(2, 1)));
        }
        Assert.Equal("step,epoch,d_loss,g_loss,critic_real,critic_fake,gp,steps_per_second,seconds", File.ReadLines(path).First());
        var before = File.ReadAllText(path);

        var error = Assert.Throws<InvalidDataException>(() => new MetricsCsv(path, Columns, keepRowsUpToStep: 1).Dispose());

        Assert.Contains("critic_real", error.Message);
        Assert.Contains("d_real", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void Broken_metrics_line_names_file_and_line()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        File.WriteAllText(path, MetricsRow.Header(Columns) + "\n1,1,0.5,0.5,0.5,0.5,1,1\nnot,a,row\n");
        var e = Assert.Throws<InvalidDataException>(() => MetricsCsv.Read(path));
        Assert.Contains($"{path}(3)", e.Message);
    }

    private static readonly MetricColumn[] ProbabilityColumns =
    {
        new("d_loss", MetricKind.Loss, "D loss", "discriminator"), new("g_loss", MetricKind.Loss, "G loss", "generator"),
        new("d_real", MetricKind.Probability, "D(x)", "discriminator"), new("d_fake", MetricKind.Probability, "D(G(z))", "discriminator"),
    };

    [Fact]
    public void Loss_plot_is_a_png_of_the_requested_size()
    {
        var rows = Enumerable.Range(1, 30).Select(s => Row(s, 1.0 / s, 0.7 + 0.01 * s, 0.6, 0.4)).ToList();
        var path = Path.Combine(_folder, "loss.png");
        LossPlot.SavePng(new MetricsLog(Columns, rows), ProbabilityColumns, path, 640, 400);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(640, bitmap.Width);
        Assert.Equal(400, bitmap.Height);
    }

    [Fact]
    public void Loss_plot_has_a_panel_per_kind_so_critic_scores_are_not_drawn_as_probabilities()
    {
        var criticColumns = new MetricColumn[]
        {
            new("d_loss", MetricKind.Loss, "D loss", "discriminator"), new("g_loss", MetricKind.Loss, "G loss", "generator"),
            new("critic_real", MetricKind.Score, "D(x)", "discriminator"), new("critic_fake", MetricKind.Score, "D(G(z))", "discriminator"),
            new("gp", MetricKind.Loss, "gradient penalty", "discriminator"),
        };
        var log = new MetricsLog(criticColumns.Select(c => c.Name).ToArray(),
            Enumerable.Range(1, 30).Select(s => new MetricsRow(s, 1, new[] { -3.0, 2, 40 + s, -40 - s, 0.1 }, 5, s)).ToList());

        var critic = LossPlot.Panels(log, criticColumns);
        var crossEntropy = LossPlot.Panels(new MetricsLog(Columns, new[] { Row(1, 1) }), ProbabilityColumns);

        Assert.Equal(new[] { MetricKind.Loss, MetricKind.Score }, critic.Select(p => p.Kind));
        Assert.Equal(new[] { "d_loss", "g_loss", "gp" }, critic[0].Columns.Select(c => c.Name));
        Assert.Equal(new[] { "critic_real", "critic_fake" }, critic[1].Columns.Select(c => c.Name));
        Assert.Equal(new[] { MetricKind.Loss, MetricKind.Probability }, crossEntropy.Select(p => p.Kind));
        using var bitmap = SKBitmap.Decode(LossPlot.RenderPng(log, criticColumns, 600, 500));
        Assert.Equal(500, bitmap.Height);
    }
}
