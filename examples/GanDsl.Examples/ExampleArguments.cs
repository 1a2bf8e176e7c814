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
          cifar-dcgan    the seeds' CIFAR-10 DCGAN on a folder of RGB images (--images DIR)

        Other commands (each has its own --help):
          evaluate <run folder or checkpoint>   FID, KID, precision/recall, ... of a trained model; writes eval.json
          train-classifier                      retrain the evaluation feature classifier (its weights ship with GanDsl)

        Options:
          --epochs N        epochs to train (default: 5; 2 for dcgan)
          --batch-size N    batch size (default: 64)
          --data DIR        folder with Fashion-MNIST IDX files (default: the Debian package's, else the bundled subset)
          --images DIR      folder of PNG/JPEG images for cifar-dcgan (resized to 32x32)
          --out DIR         run folder for grids, metrics.csv, loss.png, checkpoints (default: runs/<example>)
          --resume DIR      continue the run saved in DIR
          --seed N          random seed (default: 42)
          --max-steps N     stop (with a checkpoint) once this many steps are done
          --limit N         train on the first N images only (a quick look)
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
    public int? Limit { get; init; }
    public bool Cpu { get; init; }
    public bool Help { get; init; }

    public static ExampleArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ExampleArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{arg} needs a positive whole number");
            long Long() => long.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new ArgumentException($"{arg} needs a whole number");
            result = arg switch
            {
                "-h" or "--help" => result with { Help = true },
                "--epochs" => result with { Epochs = Int() },
                "--batch-size" => result with { BatchSize = Int() },
                "--data" => result with { Data = Value() },
                "--images" => result with { Images = Value() },
                "--out" => result with { Out = Value() },
                "--resume" => result with { Resume = Value() },
                "--seed" => result with { Seed = Long() },
                "--max-steps" => result with { MaxSteps = Long() },
                "--limit" => result with { Limit = Int() },
                "--cpu" => result with { Cpu = true },
                _ when arg.StartsWith('-') => throw new ArgumentException($"unknown option {arg}"),
                _ => result with { Example = arg },
            };
        }
        return result;
    }
}
