using System;
using System.Linq;
using GanDsl.Evaluation;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>FID against the Gaussian closed form, computed here independently of the eigendecomposition route.</summary>
public class FidTests
{
    private static Tensor Vector(params double[] v) => torch.tensor(v, dtype: ScalarType.Float64);

    [Fact]
    public void Diagonal_covariances_match_the_closed_form()
    {
        using var scope = torch.NewDisposeScope();
        double[] m1 = { 0.5, -1, 2, 0 }, m2 = { 1.5, 0, 2, -3 };
        double[] v1 = { 1, 4, 0.25, 9 }, v2 = { 2, 1, 0.25, 16 };
        // |m1 - m2|^2 + sum (sqrt(v1) - sqrt(v2))^2
        double expected = m1.Zip(m2, (a, b) => (a - b) * (a - b)).Sum() + v1.Zip(v2, (a, b) => Math.Pow(Math.Sqrt(a) - Math.Sqrt(b), 2)).Sum();

        Assert.Equal(expected, Fid.FromStatistics(Vector(m1), torch.diag(Vector(v1)), Vector(m2), torch.diag(Vector(v2))), 10);

        // The same from samples whose sample statistics are exactly those (also pins the unbiased n - 1 covariance).
        var x = FeatureData.WithExactStatistics(500, Vector(m1), torch.diag(Vector(v1)), seed: 1);
        var y = FeatureData.WithExactStatistics(700, Vector(m2), torch.diag(Vector(v2)), seed: 2);
        Assert.Equal(expected, Fid.Compute(x, y), 8);
    }

    [Fact]
    public void Full_covariances_match_the_closed_form()
    {
        using var scope = torch.NewDisposeScope();
        // Three correlated 2x2 blocks. For 2x2 PSD matrices Tr((S1^1/2 S2 S1^1/2)^1/2) = sqrt(Tr(S1 S2) + 2 sqrt(det S1 det S2)),
        // since the matrix's two eigenvalues l1, l2 give (sqrt l1 + sqrt l2)^2 = trace + 2 sqrt(det).
        double[][,] s1 = { new[,] { { 2.0, 0.8 }, { 0.8, 1.0 } }, new[,] { { 1.0, -0.3 }, { -0.3, 0.5 } }, new[,] { { 4.0, 1.9 }, { 1.9, 1.0 } } };
        double[][,] s2 = { new[,] { { 1.0, -0.4 }, { -0.4, 3.0 } }, new[,] { { 0.2, 0.1 }, { 0.1, 0.3 } }, new[,] { { 4.0, 1.9 }, { 1.9, 1.0 } } };
        double[] m1 = { 1, 2, 3, 4, 5, 6 }, m2 = { 1, 0, 3, 4, 7, 6 };
        double expected = m1.Zip(m2, (a, b) => (a - b) * (a - b)).Sum();
        for (int b = 0; b < 3; b++)
        {
            double tr1 = s1[b][0, 0] + s1[b][1, 1], tr2 = s2[b][0, 0] + s2[b][1, 1];
            double det1 = s1[b][0, 0] * s1[b][1, 1] - s1[b][0, 1] * s1[b][1, 0];
            double det2 = s2[b][0, 0] * s2[b][1, 1] - s2[b][0, 1] * s2[b][1, 0];
            double trProduct = 0;
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) trProduct += s1[b][i, j] * s2[b][j, i];
            expected += tr1 + tr2 - 2 * Math.Sqrt(trProduct + 2 * Math.Sqrt(det1 * det2));
        }

        // FID is unchanged by one rotation of both feature sets: rotate so that every covariance entry is non-zero.
        var q = FeatureData.Rotation(6, seed: 3);
        Tensor Rotated(double[][,] blocks) => q.matmul(torch.block_diag(blocks.Select(m => torch.tensor(m, dtype: ScalarType.Float64)).ToArray())).matmul(q.t());
        var c1 = Rotated(s1);
        var c2 = Rotated(s2);
        var mu1 = q.matmul(Vector(m1));
        var mu2 = q.matmul(Vector(m2));
        Assert.True(c1.abs().min().item<double>() > 1e-3, "the rotated covariance should be dense");

        Assert.Equal(expected, Fid.FromStatistics(mu1, c1, mu2, c2), 9);
        Assert.Equal(expected, Fid.Compute(FeatureData.WithExactStatistics(400, mu1, c1, 4), FeatureData.WithExactStatistics(300, mu2, c2, 5)), 8);
    }

    [Fact]
    public void Fid_of_a_set_with_itself_is_zero_and_fid_is_symmetric()
    {
        using var scope = torch.NewDisposeScope();
        // Features on the scale of the classifier's (ReLU outputs, some dimensions always zero: singular covariance).
        var x = (FeatureData.Gaussian(2000, 128, seed: 6, scale: 3).relu() * torch.linspace(0, 2, 128, dtype: ScalarType.Float64)).contiguous();
        var y = (FeatureData.Gaussian(2000, 128, seed: 7, scale: 3, shift: 0.2).relu() * torch.linspace(0, 2, 128, dtype: ScalarType.Float64)).contiguous();

        Assert.InRange(Fid.Compute(x, x), 0, 1e-6);
        Assert.InRange(Fid.Compute(x.to_type(ScalarType.Float32), x.to_type(ScalarType.Float32)), 0, 1e-6);
        double xy = Fid.Compute(x, y), yx = Fid.Compute(y, x);
        Assert.True(xy > 1, $"different sets should be apart, got {xy}");
        Assert.Equal(xy, yx, 9);
    }

    [Fact]
    public void Bad_feature_matrices_are_refused_with_their_shapes()
    {
        using var scope = torch.NewDisposeScope();
        var ok = FeatureData.Gaussian(10, 4, 1);
        Assert.Contains("(10, 2, 2)", Assert.Throws<ArgumentException>(() => Fid.Compute(ok.reshape(10, 2, 2), ok)).Message);
        Assert.Contains("other set has 4", Assert.Throws<ArgumentException>(() => Fid.Compute(ok, FeatureData.Gaussian(10, 3, 2))).Message);
        var nan = ok.clone();
        nan[0, 0] = torch.tensor(double.NaN);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => Fid.Compute(ok, nan)).Message);
    }
}
