using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>Sampling a GAN for evaluation without disturbing its training: the noise comes from a generator of its
/// own seeded with an explicit seed (TorchSharp's global generator, which training's noise and dropout draw from,
/// is never touched), the sampling generator (the EMA copy when there is one) runs in eval mode without gradients,
/// and its train/eval mode is restored afterwards. A conditional pair draws the classes in turn (see
/// <see cref="EvaluationLabels"/>), so every class gets the same share of the set.</summary>
public static class GanSampling
{
    /// <summary>n images (n, C, H, W) on the CPU; the same seed gives the same noise on every call.</summary>
    public static Tensor SampleForEvaluation<TG, TD>(this GanModel<TG, TD> gan, int n, long seed, int batchSize = 500)
        where TG : nn.Module, IGanNetwork
        where TD : nn.Module, IGanNetwork
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one sample");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        using var noise = new torch.Generator(unchecked((ulong)seed));
        using var scope = torch.NewDisposeScope();
        using var labels = EvaluationLabels(n, gan.Classes);
        var parts = new Tensor[(n + batchSize - 1) / batchSize];
        for (int i = 0; i < parts.Length; i++)
        {
            long start = (long)i * batchSize, size = Math.Min(batchSize, n - start);
            // Drawn on the CPU, where the seeded generator lives, then moved: the same images on any device.
            var z = torch.randn(new long[] { size, gan.Definition.LatentDim }, generator: noise).to(gan.TorchDevice);
            parts[i] = gan.Objective.Generate(z, labels?.narrow(0, start, size).to(gan.TorchDevice)).cpu();
        }
        return scope.MoveToOuter(torch.cat(parts, 0));
    }

    /// <summary>The labels evaluation draws a conditional pair's n samples for: 0, 1, ..., classes - 1, 0, ... (int64,
    /// CPU); null for an unconditional pair (classes = 0).</summary>
    public static Tensor? EvaluationLabels(int n, int classes) => classes == 0 ? null : CyclingLabels(n, classes, torch.CPU);

    /// <summary>0, 1, ..., classes - 1, 0, ... for n samples (int64, on <paramref name="device"/>).</summary>
    internal static Tensor CyclingLabels(int n, int classes, Device device)
    {
        using var end = n.ToScalar();
        using var period = classes.ToScalar();
        return torch.arange(end, dtype: ScalarType.Int64, device: device).remainder(period);
    }
}
