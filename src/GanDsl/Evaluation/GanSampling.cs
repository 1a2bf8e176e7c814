using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>Sampling a GAN for evaluation without disturbing its training: the noise comes from a generator of its
/// own seeded with an explicit seed (TorchSharp's global generator, which training's noise and dropout draw from,
/// is never touched), G runs in eval mode without gradients, and G's train/eval mode is restored afterwards.</summary>
public static class GanSampling
{
    /// <summary>n images (n, C, H, W) on the CPU; the same seed gives the same noise on every call.</summary>
    public static Tensor SampleForEvaluation<TG, TD>(this GanModel<TG, TD> gan, int n, long seed, int batchSize = 500)
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one sample");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        using var noise = new torch.Generator(unchecked((ulong)seed));
        var parts = new Tensor[(n + batchSize - 1) / batchSize];
        bool wasTraining = gan.Generator.training;
        gan.Generator.eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var _ = torch.no_grad();
            for (int i = 0; i < parts.Length; i++)
            {
                long size = Math.Min(batchSize, n - (long)i * batchSize);
                // Drawn on the CPU, where the seeded generator lives, then moved: the same images on any device.
                var z = torch.randn(new long[] { size, gan.Definition.LatentDim }, generator: noise).to(gan.TorchDevice);
                parts[i] = gan.Generator.call(z).cpu();
            }
            return scope.MoveToOuter(torch.cat(parts, 0));
        }
        finally
        {
            if (wasTraining) gan.Generator.train();
        }
    }
}
