using System;
using System.Collections.Generic;
using System.Globalization;

namespace GanDsl.Examples;

/// <summary>The examples' command line: an example name and a few options. Hand-parsed: it is small and stable.</summary>
internal sealed record ExampleArguments
{
    public const string Usage = """
        Train a generated GAN.

        Usage: dotnet run --project examples/GanDsl.Examples -- [example] [options]

        Examples:
          fashion-mlp    MLP GAN on Fashion-MNIST (default)
          dcgan          the seeds' DCGAN on Fashion-MNIST
          dcgan-wgangp   the same DCGAN pair trained as a WGAN-GP (lambda 10, 5 critic steps, Adam 1e-4 (0.5, 0.9))
          dcgan-hinge-sn the same DCGAN with spectral norm on every layer of D, hinge loss (Adam 2e-4 (0.5, 0.999))
          cgan           conditional MLP GAN on Fashion-MNIST's images and labels (concat conditioning); one grid row per class
          cdcgan         conditional DCGAN: projection discriminator with spectral norm, hinge loss; one grid row per class
          cdcgan-decay   cdcgan with both learning rates falling linearly to 0 over the run (LearningRateDecay = 1)
          cdcgan-ac      cdcgan plus an auxiliary classification loss read from the projection's label embeddings (AC-GAN)
          cdcgan-ms      cdcgan-ac plus the mode-seeking loss (MSGAN): pairs of samples with one label must differ
          cdcgan-up      cdcgan-ac with a generator that upsamples and convolves (no transposed convolutions)
          cdcgan-up-ms   cdcgan-up plus the mode-seeking loss: the best conditional example (FID, variety, class accuracy)
          cdcgan-cbn     cdcgan whose generator takes the class through conditional batch norm at every resolution
          cifar-dcgan    the seeds' CIFAR-10 DCGAN on a folder of RGB images (--images DIR)

        Other commands (each has its own --help):
          evaluate <run folder or checkpoint>   FID, KID, precision/recall, ... of a trained model; writes eval.json
          train-classifier                      retrain the evaluation feature classifier (its weights ship with GanDsl)
          compare <run folder>...               a markdown table of evaluated runs, mean ± sd over seeds

        Toy commands (each has its own --help):
          toy            one GAN on a 2-D mixture (ring of 8 or grid of 25 Gaussians): modes captured, % high quality
          toy-table      the mode-collapse benchmark: GANs x mixtures x seeds, as a markdown table

        Options:
          --epochs N        epochs to train (default: 5; 2 for the DCGANs and cdcgan, -ac and -cbn, 3 for cdcgan-decay)
          --batch-size N    batch size (default: 64)
          --data DIR        folder with Fashion-MNIST IDX files (default: the Debian package's, else the bundled subset)
          --images DIR      folder of PNG/JPEG images for cifar-dcgan (resized to 32x32)
          --out DIR         run folder for grids, metrics.csv, loss.png, checkpoints; it must be new or empty,
                            or hold the run you --resume (default: the --resume folder, else the first free
                            one of runs/<example>, runs/<example>-2, ...)
          --resume DIR      continue the run saved in DIR (a run folder or a checkpoint file)
          --seed N          random seed (default: 42)
          --max-steps N     stop (with a sample grid and a checkpoint) once the step counter reaches N
          --max-minutes M   stop the same way after M minutes of training (a wall-clock budget: runs of different
                            models get the same time; the summary names the step reached, which --max-steps replays)
          --checkpoint-every N  also write a checkpoint every N steps (default: 0, at epoch ends only)
          --limit N         train on the first N images only (a quick look)
          --eval-every N    evaluate every N epochs (FID, KID, precision/recall, ... against t10k): eval.csv and
                            fid.png in the run folder; the run's weights are the same with or without it
          --eval-samples N  images per evaluation (default: 5000, the most t10k allows; fewer is faster, FID higher)
          --cpu             use the CPU even when CUDA is available
          -h, --help        show this help
        """;

    public string Example { get; init; } = "fashion-mlp";
    public int? Epochs { get; init; }
    public int BatchSize { get; init; } = 64;
    public string? Data { get; init; }
    public string? Images { get; init; }
    public string? Out { get; init; }
    public string? Resume { get; init; }
    public long Seed { get; init; } = 42;
    public long? MaxSteps { get; init; }
    public double? MaxMinutes { get; init; }
    public int? Limit { get; init; }
    public int CheckpointEvery { get; init; }
    public int EvalEvery { get; init; }
    public int EvalSamples { get; init; } = 5000;
    public bool Cpu { get; init; }
    public bool Help { get; init; }

    public static ExampleArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ExampleArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            long Number(long least, string rule)
            {
                string text = Value();
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                    throw new ArgumentException($"{arg} needs a whole number{rule}; got '{text}'");
                return v >= least ? v : throw new ArgumentException($"{arg} needs a whole number{rule}; got {v}");
            }
            int Int(int least)
            {
                long v = Number(least, $", {least} or more");
                return v <= int.MaxValue ? (int)v : throw new ArgumentException($"{arg} needs a whole number from {least} to {int.MaxValue}; got {v}");
            }
            long Long(long least) => Number(least, $", {least} or more");
            double Minutes()
            {
                string text = Value();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && m <= TimeSpan.MaxValue.TotalMinutes / 2)
                    return m;
                throw new ArgumentException($"{arg} needs a positive number of minutes, such as 20 or 0.5; got '{text}'");
            }
            result = arg switch
            {
                "-h" or "--help" => result with { Help = true },
                "--epochs" => result with { Epochs = Int(1) },
                "--batch-size" => result with { BatchSize = Int(1) },
                "--data" => result with { Data = Value() },
                "--images" => result with { Images = Value() },
                "--out" => result with { Out = Value() },
                "--resume" => result with { Resume = Value() },
                "--seed" => result with { Seed = Number(long.MinValue, "") },
                "--max-steps" => result with { MaxSteps = Long(0) },
                "--max-minutes" => result with { MaxMinutes = Minutes() },
                "--checkpoint-every" => result with { CheckpointEvery = Int(0) },
                "--limit" => result with { Limit = Int(1) },
                "--eval-every" => result with { EvalEvery = Int(1) },
                "--eval-samples" => result with { EvalSamples = Int(10) },
                "--cpu" => result with { Cpu = true },
                _ when arg.StartsWith('-') => throw new ArgumentException($"unknown option {arg}"),
                _ => result with { Example = arg },
            };
        }
        return result;
    }
}
