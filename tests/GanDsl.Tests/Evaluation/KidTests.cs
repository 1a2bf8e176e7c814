using System;
using System.Linq;
using GanDsl.Evaluation;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>KID's estimator on cases small enough to compute by hand, including its expectation over every
/// possible sample of a discrete distribution (unbiasedness).</summary>
public class KidTests
{
    private static double K(double[] a, double[] b) => Math.Pow(a.Zip(b, (x, y) => x * y).Sum() / a.Length + 1, 3);

    private static Tensor Rows(params double[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length }, dtype: ScalarType.Float64);

    [Fact]
    public void Unbiased_mmd_of_a_hand_computed_case()
    {
        using var scope = torch.NewDisposeScope();
        // x = {1, 2}, y = {0, 3}, D = 1: k(a, b) = (ab + 1)^3.
        // xx: k(1,2) = 27 over the 2 ordered pairs i != j -> 27; yy: k(0,3) = 1 -> 1;
        // xy: (k(1,0) + k(1,3) + k(2,0) + k(2,3)) / 4 = (1 + 64 + 1 + 343) / 4 = 102.25; MMD^2 = 27 + 1 - 204.5.
        Assert.Equal(-176.5, Kid.UnbiasedMmd2(Rows(new[] { 1.0 }, new[] { 2.0 }), Rows(new[] { 0.0 }, new[] { 3.0 })), 10);

        // D = 2 divides the dot product: k((1,1),(2,0)) = (2/2 + 1)^3 = 8.
        var x = Rows(new[] { 1.0, 1.0 }, new[] { 2.0, 0.0 }, new[] { 0.0, -1.0 });
        var y = Rows(new[] { 1.0, 0.0 }, new[] { -1.0, 2.0 });
        double[][] xs = { new[] { 1.0, 1.0 }, new[] { 2.0, 0.0 }, new[] { 0.0, -1.0 } }, ys = { new[] { 1.0, 0.0 }, new[] { -1.0, 2.0 } };
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) if (i != j) xx += K(xs[i], xs[j]);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) if (i != j) yy += K(ys[i], ys[j]);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) xy += K(xs[i], ys[j]);
        Assert.Equal(xx / 6 + yy / 2 - 2 * xy / 6, Kid.UnbiasedMmd2(x, y), 10);
    }

    [Fact]
    public void The_estimator_is_unbiased_over_every_sample_of_a_discrete_distribution()
    {
        using var scope = torch.NewDisposeScope();
        // P on three points, Q on two; samples of 2 from P and 3 from Q, i.i.d. Enumerating every sample with its
        // probability gives the estimator's exact expectation, which must be the population MMD^2
        // E k(x, x') + E k(y, y') - 2 E k(x, y) over independent draws.
        double[][] ps = { new[] { 0.0, 1.0 }, new[] { 2.0, -1.0 }, new[] { 1.0, 1.0 } };
        double[] pw = { 0.5, 0.3, 0.2 };
        double[][] qs = { new[] { 1.0, 0.0 }, new[] { -1.0, 2.0 } };
        double[] qw = { 0.6, 0.4 };
        double Expect(double[][] a, double[] aw, double[][] b, double[] bw) =>
            a.Select((u, i) => b.Select((v, j) => aw[i] * bw[j] * K(u, v)).Sum()).Sum();
        double population = Expect(ps, pw, ps, pw) + Expect(qs, qw, qs, qw) - 2 * Expect(ps, pw, qs, qw);

        double expectation = 0, biased = 0;
        foreach (var (xi, xw) in Samples(ps.Length, 2, pw))
        foreach (var (yi, yw) in Samples(qs.Length, 3, qw))
        {
            var x = Rows(xi.Select(i => ps[i]).ToArray());
            var y = Rows(yi.Select(i => qs[i]).ToArray());
            expectation += xw * yw * Kid.UnbiasedMmd2(x, y);
            // The biased (V-statistic) estimate, which keeps the i == j terms, for contrast.
            biased += xw * yw * (Kid.PolynomialKernel(x, x).mean().item<double>() + Kid.PolynomialKernel(y, y).mean().item<double>() - 2 * Kid.PolynomialKernel(x, y).mean().item<double>());
        }
        Assert.Equal(population, expectation, 10);
        Assert.True(Math.Abs(biased - population) > 0.1, $"the biased estimate should miss: {biased} vs {population}");
    }

    /// <summary>Every ordered i.i.d. sample of <paramref name="size"/> indices, with its probability.</summary>
    private static (int[] Indices, double Weight)[] Samples(int support, int size, double[] weights)
    {
        var all = new[] { (Indices: Array.Empty<int>(), Weight: 1.0) }.AsEnumerable();
        for (int s = 0; s < size; s++)
            all = all.SelectMany(t => Enumerable.Range(0, support).Select(i => (t.Indices.Append(i).ToArray(), t.Weight * weights[i])));
        return all.ToArray();
    }

    [Fact]
    public void Subset_averages_are_seeded_near_zero_for_one_distribution_and_positive_for_two()
    {
        using var scope = torch.NewDisposeScope();
        var a = FeatureData.Gaussian(1500, 16, seed: 1);
        var b = FeatureData.Gaussian(1500, 16, seed: 2);
        var shifted = FeatureData.Gaussian(1500, 16, seed: 3, shift: 0.5);

        var same = Kid.Compute(a, b, subsets: 20, subsetSize: 500, seed: 9);
        var apart = Kid.Compute(a, shifted, subsets: 20, subsetSize: 500, seed: 9);
        Assert.Equal(500, same.SubsetSize);
        Assert.True(Math.Abs(same.Mean) < 3 * same.StandardDeviation + 1e-3, $"same distribution: {same}");
        Assert.True(apart.Mean > 10 * Math.Abs(same.Mean) && apart.Mean > 5 * apart.StandardDeviation, $"{apart} vs {same}");
        Assert.Equal(same, Kid.Compute(a, b, subsets: 20, subsetSize: 500, seed: 9));
        Assert.NotEqual(same.Mean, Kid.Compute(a, b, subsets: 20, subsetSize: 500, seed: 10).Mean);
        // Subsets never exceed the smaller set; a subset that is the whole set gives the whole sets' estimate.
        var whole = Kid.Compute(a.narrow(0, 0, 100), b.narrow(0, 0, 300), subsets: 3);
        Assert.Equal(100, whole.SubsetSize);
        var full = Kid.Compute(a.narrow(0, 0, 300), b.narrow(0, 0, 300), subsets: 2, subsetSize: 300);
        Assert.Equal(Kid.UnbiasedMmd2(a.narrow(0, 0, 300), b.narrow(0, 0, 300)), full.Mean, 10);
        Assert.Equal(0, full.StandardDeviation, 10);
    }
}
