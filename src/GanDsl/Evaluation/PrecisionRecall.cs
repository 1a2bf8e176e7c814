using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>Precision: share of generated samples inside the real manifold. Recall: share of real samples inside
/// the generated manifold.</summary>
public readonly record struct PrecisionRecallResult(double Precision, double Recall, int K);

/// <summary>
/// Improved precision and recall (Kynkäänniemi et al. 2019). A set's manifold is the union of balls around its
/// samples, each with the radius to that sample's k-th nearest neighbour in the same set (k = 3).
/// Precision = share of generated samples inside the real manifold (are the samples realistic?);
/// recall = share of real samples inside the generated manifold (is the variety of the data covered?).
/// Distances are Euclidean, in float64, computed a block of rows at a time.
/// </summary>
public static class PrecisionRecall
{
    public const int DefaultK = 3;

    public static PrecisionRecallResult Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        using var scope = torch.NewDisposeScope();
        var r = FeatureChecks.AsFloat64(real, nameof(real), minRows: k + 1);
        var g = FeatureChecks.AsFloat64(generated, nameof(generated), minRows: k + 1, width: r.shape[1]);
        var radii = NearestNeighbours.KthNeighbourRadii(r, k)[0];
        return ManifoldMetrics.Measure(r, g, radii, k, null, 0).PrecisionRecall!.Value;
    }
}
