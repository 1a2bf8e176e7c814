using GanDsl.Evaluation;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>Precision/recall (k-NN manifolds) and density/coverage on a 1-D case worked by hand, and their limits:
/// identical sets and disjoint sets.</summary>
public class NeighbourMetricTests
{
    private static Tensor Points(params double[] v) => torch.tensor(v, new long[] { v.Length, 1 }, dtype: ScalarType.Float64);

    [Fact]
    public void Hand_worked_case_with_k_1()
    {
        using var scope = torch.NewDisposeScope();
        // Real {0, 1, 2, 3, 10}: distance to the nearest other real point is 1, 1, 1, 1, 7.
        // Generated {0.5, 20, 2.9}: nearest other generated point 2.4, 17.1, 2.4.
        var real = Points(0, 1, 2, 3, 10);
        var generated = Points(0.5, 20, 2.9);

        var pr = PrecisionRecall.Compute(real, generated, k: 1);
        // 0.5 is in the balls of 0 and 1, 2.9 in those of 2 and 3; 20 is 10 from the point 10, outside its radius 7.
        Assert.Equal(2.0 / 3, pr.Precision, 12);
        // Every real point lies in some generated ball: 20's radius 17.1 reaches 10 (recall's outlier weakness).
        Assert.Equal(1.0, pr.Recall, 12);

        var dc = DensityCoverage.Compute(real, generated, k: 1);
        // Real balls holding each generated point: 2 + 0 + 2, over k * M = 3.
        Assert.Equal(4.0 / 3, dc.Density, 12);
        // Real 10's nearest generated point is 2.9, 7.1 away, outside its radius 7: 4 of 5 covered.
        Assert.Equal(0.8, dc.Coverage, 12);
    }

    [Fact]
    public void Identical_sets_score_one_and_disjoint_sets_zero()
    {
        using var scope = torch.NewDisposeScope();
        var x = FeatureData.Gaussian(1500, 32, seed: 1);   // more than one distance block (1,024 rows)
        var far = FeatureData.Gaussian(1500, 32, seed: 2, shift: 100);

        var same = PrecisionRecall.Compute(x, x.clone());
        Assert.Equal(1.0, same.Precision);
        Assert.Equal(1.0, same.Recall);
        Assert.Equal(3, same.K);
        var sameDc = DensityCoverage.Compute(x, x.clone());
        Assert.Equal(1.0, sameDc.Coverage);
        Assert.InRange(sameDc.Density, 0.8, 1.2);

        var apart = PrecisionRecall.Compute(x, far);
        Assert.Equal(0.0, apart.Precision);
        Assert.Equal(0.0, apart.Recall);
        var apartDc = DensityCoverage.Compute(x, far);
        Assert.Equal(0.0, apartDc.Density);
        Assert.Equal(0.0, apartDc.Coverage);
    }

    [Fact]
    public void A_collapsed_generator_has_precision_but_no_recall()
    {
        using var scope = torch.NewDisposeScope();
        var real = FeatureData.Gaussian(1200, 8, seed: 3);
        // 1,200 copies of ten real points: realistic, but nowhere near the data's variety.
        var collapsed = real.narrow(0, 0, 10).repeat(120, 1);
        var pr = PrecisionRecall.Compute(real, collapsed);
        Assert.Equal(1.0, pr.Precision);
        Assert.True(pr.Recall < 0.05, $"recall {pr.Recall}");
        var dc = DensityCoverage.Compute(real, collapsed);
        Assert.True(dc.Coverage < 0.05, $"coverage {dc.Coverage}");
    }
}
