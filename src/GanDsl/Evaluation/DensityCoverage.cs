using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>Density: how many real balls hold a generated sample on average, over k (about 1 when the sets match;
/// it can exceed 1). Coverage: share of real samples whose ball holds at least one generated sample.</summary>
public readonly record struct DensityCoverageResult(double Density, double Coverage, int K);

/// <summary>
/// Density and coverage (Naeem et al. 2020), with k = 5 nearest-neighbour balls around the real samples only,
/// so a few outlying generated samples cannot inflate them the way they inflate recall.
/// Density = (1 / kM) sum over generated j of the number of real balls holding j;
/// coverage = share of real samples whose ball holds at least one generated sample.
/// </summary>
public static class DensityCoverage
{
    public const int DefaultK = 5;

    public static DensityCoverageResult Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        using var scope = torch.NewDisposeScope();
        var r = FeatureChecks.AsFloat64(real, nameof(real), minRows: k + 1);
        var g = FeatureChecks.AsFloat64(generated, nameof(generated), minRows: 1, width: r.shape[1]);
        var radii = NearestNeighbours.KthNeighbourRadii(r, k)[0];
        return ManifoldMetrics.Measure(r, g, null, 0, radii, k).DensityCoverage!.Value;
    }
}
