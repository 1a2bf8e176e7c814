using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>KID: the mean of the unbiased MMD^2 estimates over <see cref="Subsets"/> random subsets of
/// <see cref="SubsetSize"/> rows from each set, and their (population) standard deviation.</summary>
public readonly record struct KidResult(double Mean, double StandardDeviation, int Subsets, int SubsetSize);

/// <summary>
/// Kernel Inception Distance on our features: the unbiased estimate of the squared maximum mean discrepancy
/// with the cubic polynomial kernel k(x, y) = (x.y / D + 1)^3, averaged over random subsets (as clean-fid does:
/// 100 subsets of at most 1,000). Unbiased, so it can be slightly negative when the two sets come from one
/// distribution, and it is not biased by the sample count the way FID is. Float64; subsets are drawn from
/// a generator seeded with <c>seed</c>, never from TorchSharp's global one.
/// </summary>
public static class Kid
{
    public const int DefaultSubsets = 100;
    public const int DefaultSubsetSize = 1000;

    /// <summary>KID over <paramref name="subsets"/> subsets of min(<paramref name="subsetSize"/>, N, M) rows drawn
    /// without replacement from each set.</summary>
    public static KidResult Compute(Tensor features1, Tensor features2, int subsets = DefaultSubsets, int subsetSize = DefaultSubsetSize, long seed = 0)
    {
        using var scope = torch.NewDisposeScope();
        var x = FeatureChecks.AsFloat64(features1, nameof(features1), minRows: 2);
        var y = FeatureChecks.AsFloat64(features2, nameof(features2), minRows: 2, width: x.shape[1]);
        var plan = Plan(x.shape[0], y.shape[0], subsets, subsetSize, seed);
        return Compute(x, y, plan);
    }

    /// <summary>Which rows each subset takes: (S, N) and (S, M) 0/1 indicator matrices, the first set's drawn first,
    /// so a fixed first set gets the same subsets whatever the second one is.</summary>
    internal sealed record SubsetPlan(Tensor First, Tensor Second, int Size);

    internal static SubsetPlan Plan(long rows1, long rows2, int subsets, int subsetSize, long seed)
    {
        if (subsets < 1) throw new ArgumentOutOfRangeException(nameof(subsets), subsets, "at least one subset");
        if (subsetSize < 2) throw new ArgumentOutOfRangeException(nameof(subsetSize), subsetSize, "subsets need at least 2 rows");
        int size = (int)Math.Min(subsetSize, Math.Min(rows1, rows2));
        using var random = new torch.Generator(unchecked((ulong)seed) ^ 0x4B1D_5EEDUL);
        return new SubsetPlan(Indicators(rows1, subsets, size, random), Indicators(rows2, subsets, size, random), size);
    }

    private static Tensor Indicators(long rows, int subsets, int size, torch.Generator random)
    {
        var indicators = torch.zeros(subsets, rows, dtype: ScalarType.Float64);
        for (int s = 0; s < subsets; s++)
            indicators[s].index_fill_(0, torch.randperm(rows, generator: random).narrow(0, 0, size), Scalars.One);
        return indicators;
    }

    /// <summary>Per subset, the mean kernel value over pairs i != j of the set's subset rows: (S).</summary>
    internal static Tensor WithinSubsets(Tensor x, Tensor indicators)
    {
        double m = indicators[0].sum().item<double>();
        using var width = ((double)x.shape[1]).ToScalar();
        using var three = 3.ToScalar();
        using var pairs = (m * (m - 1)).ToScalar();
        var diagonal = (x.square().sum(1) / width + Scalars.One).pow(three);
        return (SubsetKernelSums(x, x, indicators, indicators) - indicators.matmul(diagonal)) / pairs;
    }

    /// <summary>KID under a given plan; <paramref name="firstWithin"/>: the first set's <see cref="WithinSubsets"/>
    /// when it was computed once already (a reference set evaluated against many others).</summary>
    internal static KidResult Compute(Tensor x, Tensor y, SubsetPlan plan, Tensor? firstWithin = null)
    {
        using var scope = torch.NewDisposeScope();
        double m = plan.Size;
        var xx = firstWithin ?? WithinSubsets(x, plan.First);
        var yy = WithinSubsets(y, plan.Second);
        using var crossPairs = (m * m).ToScalar();
        var xy = SubsetKernelSums(x, y, plan.First, plan.Second) / crossPairs;
        var estimates = xx + yy - xy.mul(Scalars.Two);
        var mean = estimates.mean();
        double std = (estimates - mean).square().mean().sqrt().item<double>();
        return new KidResult(mean.item<double>(), std, (int)plan.First.shape[0], plan.Size);
    }

    /// <summary>For each subset s: sum over i, j of a[s, i] k(x_i, y_j) b[s, j], a block of x's rows at a time.</summary>
    internal static Tensor SubsetKernelSums(Tensor x, Tensor y, Tensor a, Tensor b)
    {
        var sums = torch.zeros(a.shape[0], dtype: ScalarType.Float64);
        for (long start = 0; start < x.shape[0]; start += NearestNeighbours.BlockRows)
        {
            using var scope = torch.NewDisposeScope();
            long rows = Math.Min(NearestNeighbours.BlockRows, x.shape[0] - start);
            var kernel = PolynomialKernel(x.narrow(0, start, rows), y);
            sums.add_((a.narrow(1, start, rows).matmul(kernel) * b).sum(1));
        }
        return sums;
    }

    /// <summary>The unbiased MMD^2 estimate between (N, D) and (M, D) features with the cubic polynomial kernel:
    /// mean of k(x_i, x_j) over i != j, plus the same for y, minus twice the mean of k(x_i, y_j) over all pairs.</summary>
    public static double UnbiasedMmd2(Tensor features1, Tensor features2)
    {
        using var scope = torch.NewDisposeScope();
        var x = FeatureChecks.AsFloat64(features1, nameof(features1), minRows: 2);
        var y = FeatureChecks.AsFloat64(features2, nameof(features2), minRows: 2, width: x.shape[1]);
        long n = x.shape[0], m = y.shape[0];
        var kxx = PolynomialKernel(x, x);
        var kyy = PolynomialKernel(y, y);
        var kxy = PolynomialKernel(x, y);
        double xx = (kxx.sum() - kxx.trace()).item<double>() / (n * (n - 1.0));
        double yy = (kyy.sum() - kyy.trace()).item<double>() / (m * (m - 1.0));
        double xy = kxy.sum().item<double>() / ((double)n * m);
        return xx + yy - 2 * xy;
    }

    /// <summary>k(x, y) = (x.y / D + 1)^3 for all pairs of rows: (N, M).</summary>
    public static Tensor PolynomialKernel(Tensor x, Tensor y)
    {
        using var width = ((double)x.shape[1]).ToScalar();
        var k = x.matmul(y.t()).div_(width).add_(Scalars.One);
        return k.mul(k).mul_(k);
    }
}
