using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Fréchet distance between two feature sets, each summarised by its mean and covariance:
/// FID = |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1^1/2 S2 S1^1/2)^1/2). All in float64. The square roots come from
/// symmetric eigendecompositions of positive semi-definite matrices (negative round-off eigenvalues are clamped
/// to 0), so the result is real without a general matrix square root. FID is biased by the sample count:
/// compare values only at equal counts.
/// </summary>
public static class Fid
{
    /// <summary>FID between (N, D) and (M, D) features (N, M >= 2).</summary>
    public static double Compute(Tensor features1, Tensor features2)
    {
        using var scope = torch.NewDisposeScope();
        var a = FeatureChecks.AsFloat64(features1, nameof(features1), minRows: 2);
        var b = FeatureChecks.AsFloat64(features2, nameof(features2), minRows: 2, width: a.shape[1]);
        var (mu1, s1) = Statistics(a);
        var (mu2, s2) = Statistics(b);
        return FromStatistics(mu1, s1, mu2, s2);
    }

    /// <summary>Mean (D) and unbiased covariance (D, D), float64, of (N, D) features.</summary>
    public static (Tensor Mean, Tensor Covariance) Statistics(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var x = FeatureChecks.AsFloat64(features, nameof(features), minRows: 2);
        var mean = x.mean(new long[] { 0 });
        var centred = x - mean;
        using var degrees = ((double)(x.shape[0] - 1)).ToScalar();
        var covariance = centred.t().matmul(centred) / degrees;
        return (scope.MoveToOuter(mean), scope.MoveToOuter(covariance));
    }

    /// <summary>FID from two (mean, covariance) pairs, e.g. cached statistics of a reference set.</summary>
    public static double FromStatistics(Tensor mean1, Tensor covariance1, Tensor mean2, Tensor covariance2)
    {
        using var scope = torch.NewDisposeScope();
        var mu1 = mean1.to_type(ScalarType.Float64);
        var mu2 = mean2.to_type(ScalarType.Float64);
        var s1 = covariance1.to_type(ScalarType.Float64);
        var s2 = covariance2.to_type(ScalarType.Float64);
        if (mu1.shape[0] != mu2.shape[0] || s1.shape[0] != mu1.shape[0] || s2.shape[0] != mu2.shape[0])
            throw new ArgumentException($"statistics of different widths: means ({mu1.shape[0]}) and ({mu2.shape[0]}), covariances ({s1.shape[0]}) and ({s2.shape[0]})");

        var sqrt1 = SymmetricSqrt(s1);
        var inner = Symmetrise(sqrt1.matmul(s2).matmul(sqrt1));
        var traceOfSqrt = torch.linalg.eigvalsh(inner).clamp_min(Scalars.Zero).sqrt().sum();
        var diff = mu1 - mu2;
        var fid = diff.dot(diff) + s1.trace() + s2.trace() - traceOfSqrt.mul(Scalars.Two);
        // The exact value is >= 0; round-off may leave a tiny negative when the sets are (nearly) identical.
        return Math.Max(0, fid.item<double>());
    }

    /// <summary>The square root of a symmetric positive semi-definite matrix: V diag(sqrt(max(l, 0))) V^T.</summary>
    internal static Tensor SymmetricSqrt(Tensor matrix)
    {
        var (values, vectors) = torch.linalg.eigh(Symmetrise(matrix));
        return (vectors * values.clamp_min(Scalars.Zero).sqrt().unsqueeze(0)).matmul(vectors.t());
    }

    private static Tensor Symmetrise(Tensor m) => (m + m.t()).mul(Scalars.Half);
}
