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

    /// <summary>Wall and process CPU seconds of one call: on a shared machine the CPU time is the steadier number
    /// (the wall time on an idle 2-core machine is at least half of it).</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Measure(FashionClassifier classifier, FashionMlpGan gan, ImageDataset pool, int n, int rounds)
    {
        Evaluator evaluator = null!;
        var setup = Time(() => evaluator = new Evaluator(classifier, pool, new EvaluationSettings { SampleCount = n }));
        using var owned = evaluator;
        var referencePoints = Time(() => { _ = evaluator.ReferencePoints; });

        var sampling = new (double Wall, double Cpu)[rounds];
        var classifying = new (double Wall, double Cpu)[rounds];
        var measuring = new (double Wall, double Cpu)[rounds];
        var whole = new (double Wall, double Cpu)[rounds];
        for (int r = 0; r < rounds; r++)
        {
            using var scope = torch.NewDisposeScope();
            TorchSharp.torch.Tensor images = null!;
            int seed = r;
            sampling[r] = Time(() => images = gan.SampleForEvaluation(n, seed));
            classifying[r] = Time(() => classifier.FeaturesAndPredictions(images));
            measuring[r] = Time(() => evaluator.Measure(images));
            whole[r] = Time(() => evaluator.Evaluate(gan, seed));
        }
        string Median((double Wall, double Cpu)[] v) =>
            $"{v.Select(x => x.Wall).OrderBy(x => x).ElementAt(v.Length / 2):F2} s ({v.Select(x => x.Cpu).OrderBy(x => x).ElementAt(v.Length / 2):F1} CPU s)";
        string One((double Wall, double Cpu) t) => $"{t.Wall:F2} s ({t.Cpu:F1} CPU s)";
        Console.WriteLine($"{n:N0} generated vs {n:N0} real ({pool.Source}):");
        Console.WriteLine($"  one-time: evaluator setup {One(setup)} (classify {2 * n:N0} reference images, statistics, radii, KID sums); reference points {One(referencePoints)} (4 sets)");
        Console.WriteLine($"  per evaluation of a GAN: {Median(whole)}; its parts: sampling {Median(sampling)}, classifying {Median(classifying)}, classifying + all metrics {Median(measuring)}");
    }
}
