namespace GanDsl.Evaluation;

/// <summary>How an <see cref="Evaluator"/> measures. Every comparison uses <see cref="SampleCount"/> images on each
/// side; the reference pool must hold twice as many (two disjoint halves: one to compare with, one for the floor).</summary>
public sealed record EvaluationSettings
{
    /// <summary>Images per set. 5,000 is the most Fashion-MNIST's 10,000 t10k images allow.</summary>
    public int SampleCount { get; init; } = 5000;

    public int KidSubsets { get; init; } = Kid.DefaultSubsets;
    /// <summary>Images per KID subset; an <see cref="Evaluator"/> lowers it to half the sample count when that is
    /// smaller (its <see cref="Evaluator.Settings"/> show the size used).</summary>
    public int KidSubsetSize { get; init; } = Kid.DefaultSubsetSize;
    public int PrecisionRecallK { get; init; } = PrecisionRecall.DefaultK;
    public int DensityCoverageK { get; init; } = DensityCoverage.DefaultK;

    /// <summary>Seeds the KID subsets, the noise baseline and, unless one is given, the noise a GAN is sampled
    /// from. Each has its own generator: evaluation never draws from TorchSharp's global one.</summary>
    public long Seed { get; init; }

    /// <summary>Images generated per forward pass when sampling a GAN.</summary>
    public int SamplingBatch { get; init; } = 500;
}
