using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// How generated samples spread over the classifier's classes: mode collapse, measured. A class is covered when
/// it gets at least a tenth of its uniform share (1 % of the samples for 10 classes), so a few stray samples do not
/// count as a mode. KL divergence to uniform, in nats: 0 for a perfectly even spread, ln(10) = 2.303 when every
/// sample falls in one class.
/// </summary>
public sealed record ClassHistogram(long[] Counts)
{
    /// <summary>A class is covered with at least this fraction of its uniform share of the samples.</summary>
    public const double CoveredFractionOfUniform = 0.1;

    public long Total => Counts.Sum();
    public int ClassCount => Counts.Length;

    public double[] Shares => Counts.Select(c => Total == 0 ? 0 : (double)c / Total).ToArray();

    public int ClassesCovered => Shares.Count(s => s >= CoveredFractionOfUniform / ClassCount);

    public double LargestShare => Shares.Max();

    public double SmallestShare => Shares.Min();

    /// <summary>KL(p || uniform) = sum p log(p K), with 0 log 0 = 0.</summary>
    public double KlToUniform => Shares.Where(p => p > 0).Sum(p => p * Math.Log(p * ClassCount));

    /// <summary>Counts of each class 0..classCount-1 among (N) predicted labels.</summary>
    public static ClassHistogram FromPredictions(Tensor predictions, int classCount = FashionClassifierNetwork.ClassCount)
    {
        if (predictions.dim() != 1) throw new ArgumentException($"predictions must be (N) class indices; got ({string.Join(", ", predictions.shape)})", nameof(predictions));
        using var scope = torch.NewDisposeScope();
        var labels = predictions.to(torch.CPU).to_type(ScalarType.Int64);
        if (labels.numel() > 0 && (labels.min().item<long>() < 0 || labels.max().item<long>() >= classCount))
            throw new ArgumentException($"predictions must lie in 0..{classCount - 1}", nameof(predictions));
        var counts = torch.bincount(labels, minlength: classCount).data<long>().ToArray();
        return new ClassHistogram(counts);
    }
}
