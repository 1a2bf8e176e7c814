using System;
using System.Linq;
using GanDsl.Data;
using GanDsl.Evaluation;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Toy;

/// <summary>The PacGAN mode metric on point sets whose answer is known, and the two mixtures' geometry.</summary>
public class ModeCoverageTests
{
    private static Tensor Points(params (double X, double Y)[] points) =>
        torch.tensor(points.SelectMany(p => new[] { (float)p.X, (float)p.Y }).ToArray()).reshape(points.Length, 2);

    [Fact]
    public void The_ring_and_the_grid_are_the_papers_mixtures()
    {
        var ring = GaussianMixture.Ring();
        Assert.Equal(8, ring.Modes.Count);
        Assert.Equal(0.01, ring.Sd);
        Assert.All(ring.Modes, m => Assert.Equal(1, Math.Sqrt(m.X * m.X + m.Y * m.Y), 12));
        var grid = GaussianMixture.Grid();
        Assert.Equal(25, grid.Modes.Count);
        Assert.Equal(0.05, grid.Sd);
        Assert.Equal(new[] { -4.0, -2, 0, 2, 4 }, grid.Modes.Select(m => m.X).Distinct().Order());
    }

    [Fact]
    public void Samples_of_a_mixture_are_all_high_quality_and_cover_every_mode_evenly()
    {
        foreach (var mixture in new[] { GaussianMixture.Ring(), GaussianMixture.Grid() })
        {
            using var samples = mixture.Sample(2500, seed: 4);
            var coverage = ModeCoverage.Measure(samples, mixture);

            Assert.Equal(mixture.Modes.Count, coverage.ModesCaptured);
            Assert.True(coverage.HighQualityPercent > 99, $"{mixture.Name}: {coverage.HighQualityPercent} % high quality"); // 3 sd in 2-D holds 98.9 %
            Assert.True(coverage.ReverseKl < 0.02, $"{mixture.Name}: reverse KL {coverage.ReverseKl}");
            using var again = mixture.Sample(2500, seed: 4);
            Assert.True(samples.equal(again).all().item<bool>());
        }
    }

    [Fact]
    public void Counts_follow_the_nearest_mode_within_three_standard_deviations()
    {
        var ring = GaussianMixture.Ring(); // sd 0.01: high quality within 0.03
        using var points = Points((1.02, 0), (1, 0.029), (0, 1.0), (0, 0.5), (-1.05, 0), (double.NaN, 0), (0.7071, -0.7071));

        var coverage = ModeCoverage.Measure(points, ring);

        Assert.Equal(new[] { 2, 0, 1, 0, 0, 0, 0, 1 }, coverage.HighQualityPerMode);
        Assert.Equal(4, coverage.HighQuality);
        Assert.Equal(3, coverage.ModesCaptured);
        Assert.Equal(100.0 * 4 / 7, coverage.HighQualityPercent, 10);
        // Histogram (2, 1, 1)/4 against uniform 1/8: sum p log(8 p).
        Assert.Equal(0.5 * Math.Log(4) + 2 * 0.25 * Math.Log(2), coverage.ReverseKl, 10);
    }

    [Fact]
    public void A_collapsed_generator_has_one_mode_and_the_largest_reverse_kl_and_none_is_infinite()
    {
        var grid = GaussianMixture.Grid();
        using var collapsed = torch.zeros(100, 2);
        var one = ModeCoverage.Measure(collapsed, grid);
        Assert.Equal(1, one.ModesCaptured);
        Assert.Equal(Math.Log(25), one.ReverseKl, 10);

        using var far = torch.full(new long[] { 10, 2 }, 1.0f);
        var none = ModeCoverage.Measure(far, grid);
        Assert.Equal(0, none.ModesCaptured);
        Assert.True(double.IsPositiveInfinity(none.ReverseKl));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Measure(torch.zeros(4, 3), grid));
    }
}
