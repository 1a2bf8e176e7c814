using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Examples.Models;

namespace GanDsl.Examples;

/// <summary>
/// evaluate: loads a run folder's latest checkpoint (or a checkpoint file), samples its generator, measures the
/// images in the Fashion-MNIST classifier's feature space beside the reference points, prints the table and
/// writes eval.json into the run folder.
/// </summary>
internal static class EvaluateCommand
{
    public const string Usage = """
        Measure a trained Fashion-MNIST GAN: FID, KID, precision, recall, density, coverage, classes covered,
        beside the floor (real vs real) and bad baselines, all at one sample count.

        Usage: dotnet run -c Release --project examples/GanDsl.Examples -- evaluate <run folder or checkpoint> [options]

        Options:
          --samples N        images per set (default: 5000, the most the 10,000 t10k images allow)
          --seed N           seed of the sampling noise, KID subsets and noise baseline (default: 0)
          --data DIR         folder with the t10k IDX files (default: the shipped subset or the Debian package's)
          --classifier FILE  feature classifier weights written by train-classifier (default: the shipped ones)
          --out FILE         where to write the report (default: <run folder>/eval.json)
        """;

    /// <summary>The example models by the name their checkpoints carry (CheckpointMetadata.Model).</summary>
    internal static readonly Dictionary<string, Func<string, Evaluator, long, EvaluationReport>> Models = new()
    {
        [nameof(FashionMlpGan)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionMlpGan.Load(checkpoint), evaluator, seed),
        [nameof(FashionDcgan)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionDcgan.Load(checkpoint), evaluator, seed),
        [nameof(FashionDcganWgangp)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionDcganWgangp.Load(checkpoint), evaluator, seed),
        [nameof(FashionDcganHingeSn)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionDcganHingeSn.Load(checkpoint), evaluator, seed),
        [nameof(FashionCgan)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCgan.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcgan)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcgan.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganDecay)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganDecay.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganAc)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganAc.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganMs)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganMs.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganUp)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganUp.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganUpMs)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganUpMs.Load(checkpoint), evaluator, seed),
        [nameof(FashionCdcganCbn)] = (checkpoint, evaluator, seed) => EvaluateAndDispose(FashionCdcganCbn.Load(checkpoint), evaluator, seed),
    };

    private static EvaluationReport EvaluateAndDispose<TG, TD>(GanModel<TG, TD> gan, Evaluator evaluator, long seed)
        where TG : TorchSharp.torch.nn.Module, IGanNetwork
        where TD : TorchSharp.torch.nn.Module, IGanNetwork
    {
        using (gan) return evaluator.Evaluate(gan, seed);
    }

    public static int Run(IReadOnlyList<string> args)
    {
        string? path = null, data = null, classifierFile = null, output = null;
        var settings = new EvaluationSettings();
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                switch (arg)
                {
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    case "--samples":
                        settings = settings with { SampleCount = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException("--samples needs a positive whole number") };
                        break;
                    case "--seed":
                        settings = settings with { Seed = long.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : throw new ArgumentException("--seed needs a whole number") };
                        break;
                    case "--data": data = Value(); break;
                    case "--classifier": classifierFile = Value(); break;
                    case "--out": output = Value(); break;
                    default:
                        if (arg.StartsWith('-') || path is not null) throw new ArgumentException($"unexpected argument {arg}");
                        path = arg;
                        break;
                }
            }
            if (path is null) throw new ArgumentException("evaluate needs a run folder or a checkpoint file");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new FileNotFoundException($"{path}: no such run folder or checkpoint file");
            string checkpoint = Path.GetFullPath(FashionMlpGan.ResolveCheckpoint(path));
            var (metadata, _) = CheckpointFile.Read(checkpoint);
            // Refuse what the classifier cannot see before loading anything heavy.
            Evaluator.EnsureFashionShaped($"{checkpoint} holds a {metadata.Model}, which", new TensorShape(metadata.ImageShape));
            if (!Models.TryGetValue(metadata.Model, out var evaluate))
                throw new ArgumentException($"{checkpoint} holds a {metadata.Model}; the examples can evaluate {string.Join(", ", Models.Keys)}");

            using var classifier = classifierFile is null ? FashionClassifier.LoadShipped() : FashionClassifier.Load(classifierFile);
            using var pool = FashionMnist.Load(data, train: false);
            if (!pool.Source.Contains("t10k", StringComparison.Ordinal))
                throw new ArgumentException($"{pool.Source} is not a t10k split: evaluation compares with Fashion-MNIST's test images");
            using var evaluator = new Evaluator(classifier, pool, settings);

            var report = evaluate(checkpoint, evaluator, settings.Seed);
            report = report with { Model = report.Model! with { Checkpoint = checkpoint } };
            string reportPath = output ?? Path.Combine(RunFolderOf(checkpoint), EvaluationJson.FileName);
            EvaluationJson.Save(report, reportPath);
            Console.Write(EvaluationTable.Format(report));
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(reportPath));
            Console.WriteLine($"Report: {(shown.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(shown) ? Path.GetFullPath(reportPath) : shown)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointException or ClassifierWeightsException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>A run folder keeps its checkpoints in checkpoints/; a checkpoint elsewhere reports beside itself.</summary>
    private static string RunFolderOf(string checkpoint)
    {
        var folder = Path.GetDirectoryName(checkpoint)!;
        return Path.GetFileName(folder) == "checkpoints" ? Path.GetDirectoryName(folder)! : folder;
    }
}
