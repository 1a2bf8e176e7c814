using System;
using System.Diagnostics;
using System.Linq;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Examples.Models;
using TorchSharp;

namespace GanDsl.Benchmarks;

/// <summary>
/// What evaluation costs: building an evaluator (classifying the reference pool, its statistics, k-NN radii and KID
/// sums), measuring the reference points once, and then each evaluation of a GAN (sampling, classifying, all
/// metrics), as the median of a few rounds. At 5,000 images per set (the default: the two t10k halves) and, when the
/// 60,000-image training split is installed, at 10,000 (its first 20,000 images as the pool).
/// </summary>
internal static class EvaluateBenchmark
{
    public static void Run(int rounds)
    {
        Console.WriteLine($"Evaluation (CPU, {torch.get_num_threads()} threads), median of {rounds} rounds per evaluation");
        using var classifier = FashionClassifier.LoadShipped();
        using var gan = new FashionMlpGan(new GanOptions { Seed = 1 });   // untrained: the cost does not depend on quality

        using (var t10k = FashionMnist.Load(null, train: false))
            Measure(classifier, gan, t10k, 5000, rounds);

        var train = TryLoadTrainingSplit();
        if (train is null)
        {
            Console.WriteLine($"10,000 images per set: skipped (needs the training split, {FashionMnist.DebianFolder})");
            return;
        }
        using (train)
            Measure(classifier, gan, train, 10_000, rounds);
    }

    private static ImageDataset? TryLoadTrainingSplit()
    {
        try
        {
            var data = FashionMnist.Load(FashionMnist.DebianFolder, train: true);
            if (data.Count >= 20_000) return data;
            data.Dispose();
        }
        catch (System.IO.IOException) { }
        return null;
    }

    private static void Measure(FashionClassifier classifier, FashionMlpGan gan, ImageDataset pool, int n, int rounds)
    {
        var clock = Stopwatch.StartNew();
        using var evaluator = new Evaluator(classifier, pool, new EvaluationSettings { SampleCount = n });
        double setup = clock.Elapsed.TotalSeconds;
        clock.Restart();
        _ = evaluator.ReferencePoints;
        double referencePoints = clock.Elapsed.TotalSeconds;

        var sampling = new double[rounds];
        var classifying = new double[rounds];
        var measuring = new double[rounds];
        var whole = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            using var scope = torch.NewDisposeScope();
            clock.Restart();
            var images = gan.SampleForEvaluation(n, seed: r);
            sampling[r] = clock.Elapsed.TotalSeconds;
            clock.Restart();
            classifier.FeaturesAndPredictions(images);
            classifying[r] = clock.Elapsed.TotalSeconds;
            clock.Restart();
            evaluator.Measure(images);
            measuring[r] = clock.Elapsed.TotalSeconds;
            clock.Restart();
            evaluator.Evaluate(gan, seed: r);
            whole[r] = clock.Elapsed.TotalSeconds;
        }
        double Median(double[] v) => v.OrderBy(x => x).ElementAt(v.Length / 2);
        Console.WriteLine($"{n:N0} generated vs {n:N0} real ({pool.Source}):");
        Console.WriteLine($"  one-time: evaluator setup {setup:F2} s (classify {2 * n:N0} reference images, statistics, radii, KID sums), reference points {referencePoints:F2} s (4 sets)");
        Console.WriteLine($"  per evaluation: {Median(whole):F2} s = sampling {Median(sampling):F2} s + classifying {Median(classifying):F2} s + metrics {Median(measuring) - Median(classifying):F2} s (FID, KID, precision/recall, density/coverage, classes)");
    }
}
