using System;
using System.Diagnostics;
using System.IO;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Output;
using TorchSharp;

namespace GanDsl.Examples.Toy;

/// <summary>One toy run's result: the mode coverage of its samples, and what it cost.</summary>
internal sealed record ToyResult(string Contender, string Mixture, long Seed, ModeCoverage Coverage, long Steps, double Seconds);

/// <summary>
/// Trains a toy GAN on a mixture for a step budget and measures 2,500 samples, as the PacGAN paper does. The data
/// is a fixed set of samples of the mixture drawn from the seed; the evaluation noise has its own seed, so
/// measuring does not touch training's randomness.
/// </summary>
internal static class ToyRunner
{
    public const int DataSize = 50_000;
    public const int EvaluationSamples = 2_500;

    public static ToyResult Run(string contender, GaussianMixture mixture, long seed, long steps, int batchSize, bool cpu,
        string? output = null, IProgress<TrainingProgress>? progress = null)
    {
        // A 128-wide MLP is too small to gain from two threads: on the shared 2-core machine one thread trained the
        // non-saturating toy at 11 ms/step where two took 129 ms/step (OpenMP threads waiting for each other).
        int threads = torch.get_num_threads();
        if (cpu || !torch.cuda.is_available()) torch.set_num_threads(1);
        try
        {
            return Train(contender, mixture, seed, steps, batchSize, cpu, output, progress);
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static ToyResult Train(string contender, GaussianMixture mixture, long seed, long steps, int batchSize, bool cpu,
        string? output, IProgress<TrainingProgress>? progress)
    {
        var (name, _, create) = ToyContenders.Find(contender);
        using var gan = create(new GanOptions { Seed = seed, Device = cpu ? ComputeDevice.Cpu : ComputeDevice.Auto, LogEvery = 50, GridSamples = 1000 });
        using var points = mixture.Sample(DataSize, seed: seed ^ 0x70E5);
        using var data = ImageDataset.FromTensor(points, null, $"{DataSize} samples of the {mixture.Name} mixture");
        int epochs = Epochs(steps, batchSize, gan.Definition.DiscriminatorSteps);

        var clock = Stopwatch.StartNew();
        var run = gan.Fit(data, epochs, batchSize, output, progress, steps);
        double seconds = clock.Elapsed.TotalSeconds;

        using var samples = gan.Sample(EvaluationSamples, noiseSeed: seed + 1);
        var coverage = ModeCoverage.Measure(samples, mixture);
        if (output is not null)
        {
            using var centres = mixture.Centres();
            using var real = points[..EvaluationSamples];
            PointsPlot.SavePng(samples, real, Path.Combine(output, "toy.png"), modes: centres);
        }
        return new ToyResult(name, mixture.Name, seed, coverage, run.LastStep, seconds);
    }

    /// <summary>Enough epochs for <paramref name="steps"/> steps of <paramref name="batchesPerStep"/> batches each.</summary>
    public static int Epochs(long steps, int batchSize, int batchesPerStep)
    {
        long batchesPerEpoch = Math.Max(1, DataSize / batchSize);
        return (int)Math.Max(1, (steps * batchesPerStep + batchesPerEpoch - 1) / batchesPerEpoch);
    }
}
