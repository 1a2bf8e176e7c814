using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>Feature matrices for metric tests, drawn from System.Random (never TorchSharp's global generator, so
/// these tests can run beside the serial ones).</summary>
internal static class FeatureData
{
    public static Tensor Gaussian(int rows, int width, int seed, double scale = 1, double shift = 0)
    {
        var random = new Random(seed);
        var values = new double[rows * width];
        for (int i = 0; i < values.Length; i++)
            values[i] = shift + scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return torch.tensor(values, new long[] { rows, width }, dtype: ScalarType.Float64);
    }

    /// <summary>Samples whose sample mean and unbiased sample covariance are exactly <paramref name="mean"/> and
    /// <paramref name="covariance"/> (whitened, then coloured with Cholesky factors), so FID of two such sets must
    /// equal the Gaussian closed form up to round-off.</summary>
    public static Tensor WithExactStatistics(int rows, Tensor mean, Tensor covariance, int seed)
    {
        using var scope = torch.NewDisposeScope();
        int width = (int)mean.shape[0];
        var x = Gaussian(rows, width, seed);
        var centred = x - x.mean(new long[] { 0 });
        var sampleCovariance = centred.t().matmul(centred) / (rows - 1);
        var whitened = torch.linalg.solve_triangular(torch.linalg.cholesky(sampleCovariance), centred.t(), upper: false).t();
        var coloured = whitened.matmul(torch.linalg.cholesky(covariance).t()) + mean;
        return coloured.MoveToOuterDisposeScope();
    }

    /// <summary>A random orthogonal matrix (QR of a Gaussian matrix).</summary>
    public static Tensor Rotation(int width, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var (q, _) = torch.linalg.qr(Gaussian(width, width, seed));
        return q.MoveToOuterDisposeScope();
    }
}
