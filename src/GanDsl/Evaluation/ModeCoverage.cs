using System;
using System.Linq;
using GanDsl.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Mode coverage of 2-D samples against a <see cref="GaussianMixture"/>, as the PacGAN paper measures it: each sample
/// belongs to its nearest mode; it is high quality when it lies within <see cref="Threshold"/> standard deviations of
/// that mode; a mode is captured when it has at least one high-quality sample. <see cref="ReverseKl"/> is
/// KL(generated || true) of the mode histogram of the high-quality samples against the uniform weights of the
/// mixture (modes without samples add nothing; +infinity when no sample is high quality).
/// </summary>
public sealed record ModeCoverage(int[] HighQualityPerMode, int Samples, double Threshold)
{
    /// <summary>PacGAN's threshold: 3 standard deviations.</summary>
    public const double DefaultThreshold = 3;

    public int HighQuality => HighQualityPerMode.Sum();
    public int ModesCaptured => HighQualityPerMode.Count(c => c > 0);
    public int Modes => HighQualityPerMode.Length;
    public double HighQualityPercent => 100.0 * HighQuality / Samples;

    public double ReverseKl
    {
        get
        {
            int total = HighQuality;
            if (total == 0) return double.PositiveInfinity;
            return HighQualityPerMode.Where(c => c > 0).Sum(c => (double)c / total * Math.Log((double)c / total * Modes));
        }
    }

    /// <summary>Measures (N, 2) <paramref name="samples"/>; non-finite samples count as low quality.</summary>
    public static ModeCoverage Measure(Tensor samples, GaussianMixture mixture, double threshold = DefaultThreshold)
    {
        if (samples.dim() != 2 || samples.shape[1] != 2)
            throw new ArgumentException($"mode coverage needs (N, 2) points; got ({string.Join(", ", samples.shape)})", nameof(samples));
        if (samples.shape[0] < 1) throw new ArgumentException("no samples to measure", nameof(samples));
        using var scope = torch.NewDisposeScope();
        var points = samples.detach().to(torch.CPU).to_type(ScalarType.Float64);
        var centres = mixture.Centres().to_type(ScalarType.Float64);
        var distances = torch.cdist(points, centres);                       // (N, K)
        var (nearest, mode) = distances.min(1);
        using var radius = (threshold * mixture.Sd).ToScalar();
        var good = nearest.le(radius);                                      // NaN compares false
        var counts = torch.bincount(mode.masked_select(good), minlength: mixture.Modes.Count).data<long>().Select(c => (int)c).ToArray();
        return new ModeCoverage(counts, (int)samples.shape[0], threshold);
    }
}
