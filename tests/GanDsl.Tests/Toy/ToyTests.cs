using System;
using System.IO;
using System.Linq;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Examples;
using GanDsl.Examples.Toy;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Toy;

/// <summary>The toy benchmark on small budgets: every loss and option trains from the command line, a short run
/// learns something real, and the table reports mean and spread. (The table's numbers come from long runs in the
/// examples, not from tests.)</summary>
[Collection(SerialCollection.Name)]
public sealed class ToyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-toy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_loss_and_option_trains_from_the_command_line()
    {
        foreach (var (name, _, _) in ToyContenders.All)
        {
            string run = Path.Combine(_folder, name);
            Assert.Equal(0, ExampleProgram.Run(new[] { "toy", "--mixture", "grid", "--loss", name, "--max-steps", "3", "--batch-size", "64", "--out", run, "--cpu" }));
            Assert.True(File.Exists(Path.Combine(run, "toy.png")), name);
            Assert.True(File.Exists(Path.Combine(run, "samples", "step-000000003.png")), name);
            Assert.Equal("step-000000003.ckpt", File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim());
        }
        Assert.Equal(2, ExampleProgram.Run(new[] { "toy", "--loss", "NoSuchLoss" }));
        Assert.Equal(2, ExampleProgram.Run(new[] { "toy", "--mixture", "square" }));
    }

    [Fact]
    public void A_short_run_moves_the_samples_onto_the_ring()
    {
        // Untrained, the generator's points lie around the origin, nowhere near the ring's narrow modes (sd 0.01). The
        // early game is chaotic (the non-saturating and hinge pairs of this seed still sweep one ray of points at 600
        // steps); least squares, the steadiest loss here, already puts samples on most modes.
        var ring = GaussianMixture.Ring();
        using var before = new GanDsl.Examples.Models.ToyLeastSquaresGan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        using var untrained = before.Sample(2500, noiseSeed: 4);
        var start = ModeCoverage.Measure(untrained, ring);

        var result = ToyRunner.Run("LeastSquares", ring, seed: 3, steps: 600, batchSize: 128, cpu: true);

        Assert.Equal(600, result.Steps);
        Assert.True(result.Coverage.ModesCaptured >= start.ModesCaptured + 4,
            $"before: {start.ModesCaptured} modes, {start.HighQualityPercent:F1} %; after 600 steps: {result.Coverage.ModesCaptured} modes, {result.Coverage.HighQualityPercent:F1} %");
    }

    [Fact]
    public void Fit_takes_a_plain_tensor_of_points_and_draws_them_over_the_real_ones()
    {
        using var gan = new GanDsl.Tests.Training.PointsGan(new GanOptions { Seed = 2, Device = ComputeDevice.Cpu, GridSamples = 16 });
        using var points = GaussianMixture.Grid().Sample(64, seed: 1);
        string run = Path.Combine(_folder, "tensor");

        var result = gan.Fit(points, epochs: 2, batchSize: 16, output: run);

        Assert.Equal(8, result.LastStep);
        Assert.Equal(Path.Combine(run, "samples", "epoch-002.png"), result.SamplePicture);
        Assert.Equal(64, points.shape[0]); // the caller's tensor is copied, not taken
        Assert.False(points.IsInvalid);
    }

    [Fact]
    public void The_table_gives_mean_spread_and_range_per_gan_and_mixture_beside_the_published_numbers()
    {
        var ring = GaussianMixture.Ring();
        ToyResult Result(string gan, int[] perMode, int seed) => new(gan, "ring", seed, new ModeCoverage(perMode, 100, 3), 1000, 10);
        var results = new[]
        {
            Result("Hinge", new[] { 10, 10, 10, 10, 10, 10, 10, 10 }, 1),
            Result("Hinge", new[] { 20, 20, 20, 20, 0, 0, 0, 0 }, 2),
        };

        string table = ToyTable.Markdown(results);

        Assert.Contains("| Hinge | ring | 6.0 ± 2.8 (4.0–8.0) of 8 | 80.0 ± 0.0 (80.0–80.0) |", table);
        Assert.Contains("| 1/2 |", table);
        Assert.Contains("| GAN (PacGAN Table 1) | ring | 6.3 | 98.2 |", table);
        Assert.DoesNotContain("grid", table);
        Assert.Equal("inf in 1 of 2", ToyTable.Spread(new[] { 1.0, double.PositiveInfinity }, "F3"));
    }
}
