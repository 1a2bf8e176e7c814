using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Precision/recall and density/coverage from one pass over the generated-to-real distances (the costly part),
/// given the real set's k-NN radii (squared), which a reference set computes once. A null radius tensor skips
/// that pair of metrics.
/// </summary>
internal static class ManifoldMetrics
{
    public static (PrecisionRecallResult? PrecisionRecall, DensityCoverageResult? DensityCoverage) Measure(
        Tensor real, Tensor generated, Tensor? realRadiiPr, int kPr, Tensor? realRadiiDc, int kDc)
    {
        using var scope = torch.NewDisposeScope();
        var generatedRadii = realRadiiPr is null ? null : NearestNeighbours.KthNeighbourRadii(generated, kPr)[0];
        var prRow = realRadiiPr?.unsqueeze(0);
        var dcRow = realRadiiDc?.unsqueeze(0);
        long realistic = 0, ballsHolding = 0;
        var recalled = torch.zeros(real.shape[0], dtype: ScalarType.Bool);
        var covered = torch.zeros(real.shape[0], dtype: ScalarType.Bool);
        NearestNeighbours.ForEachBlock(generated, real, (start, d) =>
        {
            // d: (block of generated, real). Precision: some real ball (radius to its kPr-th real neighbour) holds
            // the generated sample. Recall: some generated ball holds the real sample.
            if (prRow is not null && generatedRadii is not null)
            {
                realistic += d.le(prRow).any(1).sum().item<long>();
                recalled.logical_or_(d.le(generatedRadii.narrow(0, start, d.shape[0]).unsqueeze(1)).any(0));
            }
            // Density counts every real ball (radius to its kDc-th neighbour) holding a generated sample;
            // coverage marks the real samples whose ball holds at least one.
            if (dcRow is not null)
            {
                var inside = d.le(dcRow);
                ballsHolding += inside.sum().item<long>();
                covered.logical_or_(inside.any(0));
            }
        });
        double m = generated.shape[0], n = real.shape[0];
        return (
            prRow is null ? null : new PrecisionRecallResult(realistic / m, recalled.sum().item<long>() / n, kPr),
            dcRow is null ? null : new DensityCoverageResult(ballsHolding / (kDc * m), covered.sum().item<long>() / n, kDc));
    }
}
