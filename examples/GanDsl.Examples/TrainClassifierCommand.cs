using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GanDsl.Data;
using GanDsl.Evaluation;

namespace GanDsl.Examples;

/// <summary>
/// train-classifier: trains the evaluation feature classifier on Fashion-MNIST's 60,000 training images and
/// reports its t10k accuracy and the weights file's SHA-256 (what gets pinned in FashionClassifier).
/// </summary>
internal static class TrainClassifierCommand
{
    public const string Usage = """
        Train the Fashion-MNIST feature classifier that evaluation uses (its weights already ship in GanDsl).

        Usage: dotnet run -c Release --project examples/GanDsl.Examples -- train-classifier [options]

        Options:
          --epochs N     epochs (default: 15)
          --seed N       random seed (default: 1)
          --data DIR     folder with the train-* and t10k-* IDX files (default: /usr/share/datasets/fashion-mnist)
          --limit N      train on the first N training images only (a quick check of the loop)
          --out FILE     where to write the weights (default: runs/classifier/FashionClassifier.weights)
        """;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = new ClassifierTrainingOptions();
        string data = FashionMnist.DebianFolder;
        string output = Path.Combine("runs", "classifier", "FashionClassifier.weights");
        int? limit = null;
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                int Positive() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{arg} needs a positive whole number");
                switch (arg)
                {
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    case "--epochs": options = options with { Epochs = Positive() }; break;
                    case "--seed": options = options with { Seed = long.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : throw new ArgumentException("--seed needs a whole number") }; break;
                    case "--data": data = Value(); break;
                    case "--limit": limit = Positive(); break;
                    case "--out": output = Value(); break;
                    default: throw new ArgumentException($"unknown option {arg}");
                }
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            using var train = FashionMnist.Load(data, train: true);
            if (!train.Source.Contains("training split", StringComparison.Ordinal))
            {
                // Training on the test images would make the reported test accuracy meaningless.
                Console.Error.WriteLine($"error: {data} has no Fashion-MNIST training split (train-images-idx3-ubyte[.gz]); install the Debian package dataset-fashion-mnist or pass --data");
                return 1;
            }
            using var test = FashionMnist.Load(data, train: false);
            if (!test.Source.Contains("t10k split", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"error: {data} has no Fashion-MNIST t10k split (t10k-images-idx3-ubyte[.gz]) to measure test accuracy on");
                return 1;
            }
            using var limited = limit is { } l && l < train.Count ? train.Take(l) : null;
            var trainSet = limited ?? train;

            Console.WriteLine($"Training the feature classifier ({FashionClassifierNetwork.Architecture}) on {trainSet.Count:N0} images of {train.Source}");
            Console.WriteLine($"testing on {test.Count:N0} images of {test.Source}; seed {options.Seed}, {options.Epochs} epochs, batch {options.BatchSize}, {Environment.ProcessorCount} cores");
            var clock = Stopwatch.StartNew();
            using var classifier = ClassifierTrainer.Train(trainSet, test, options, new EpochPrinter());
            string sha = classifier.Save(output);
            Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F0} s ({clock.Elapsed:h\\:mm\\:ss}).");
            Console.WriteLine($"t10k accuracy: {classifier.Info.TestAccuracy * 100:F2} % ({classifier.Info.TestCorrect} of {classifier.Info.TestImages})");
            Console.WriteLine($"Weights:       {Path.GetFullPath(output)} ({new FileInfo(output).Length:N0} bytes)");
            Console.WriteLine($"SHA-256:       {sha}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private sealed class EpochPrinter : IProgress<ClassifierEpoch>
    {
        public void Report(ClassifierEpoch e) =>
            Console.WriteLine($"epoch {e.Epoch,2}/{e.Epochs}  train loss {e.TrainLoss:F4}  t10k accuracy {e.TestAccuracy * 100:F2} %  ({e.Seconds:F0} s)");
    }
}
