using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GanDsl.Evaluation;
using GanDsl.Output;

namespace GanDsl.Examples;

/// <summary>
/// compare: reads eval.json (and metrics.csv) of several run folders, groups the runs by model and step count (or by
/// model alone, for runs of one wall-clock budget, which reach different steps), and
/// prints one markdown row per group with the mean ± standard deviation over its runs (seeds), then the reference
/// points. Numbers measured with different classifiers, sample counts or reference images are refused, since they
/// do not compare.
/// </summary>
internal static class CompareCommand
{
    public const string Usage = """
        Compare evaluated runs: one markdown table row per model and step count, mean ± sd over the runs (seeds).

        Usage: dotnet run -c Release --project examples/GanDsl.Examples -- compare [--by-model] <run folder>...

          --by-model   one row per model whatever the step count, for runs of one wall-clock budget (--max-minutes):
                       the steps column then says the mean ± sd of the steps reached

        Each run folder needs the eval.json that `evaluate` writes (all at one sample count, with one classifier).
        """;

    private sealed record EvaluatedRun(string Folder, EvaluationReport Report, double TrainingSeconds);

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args.Contains("-h") || args.Contains("--help"))
        {
            (args.Count == 0 ? Console.Error : Console.Out).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }
        try
        {
            bool byModel = args.Contains("--by-model");
            if (args.FirstOrDefault(a => a.StartsWith('-') && a != "--by-model") is { } unknown) throw new ArgumentException($"unknown option {unknown}");
            var runs = args.Where(a => a != "--by-model").Select(Read).ToList();
            if (runs.Count == 0) throw new ArgumentException("name at least one run folder");
            Console.Write(Format(runs, byModel));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static EvaluatedRun Read(string folder)
    {
        string json = Path.Combine(folder, EvaluationJson.FileName);
        if (!File.Exists(json)) throw new FileNotFoundException($"{folder}: no {EvaluationJson.FileName}; run `evaluate {folder}` first");
        var report = EvaluationJson.Load(json);
        if (report.Model is null) throw new InvalidDataException($"{json} measures plain images, not a trained model");
        string metrics = Path.Combine(folder, "metrics.csv");
        double seconds = File.Exists(metrics) ? MetricsCsv.Read(metrics).Rows.Where(r => r.Step <= report.Model.Step).Select(r => r.Seconds).DefaultIfEmpty(double.NaN).Last() : double.NaN;
        return new EvaluatedRun(folder, report, seconds);
    }

    private static string Format(IReadOnlyList<EvaluatedRun> runs, bool byModel)
    {
        var first = runs[0].Report;
        foreach (var r in runs.Skip(1))
        {
            if (r.Report.Classifier.Sha256 != first.Classifier.Sha256 || r.Report.Settings.SampleCount != first.Settings.SampleCount
                || r.Report.Reference.Source != first.Reference.Source)
                throw new ArgumentException($"{r.Folder} was measured with another classifier, sample count or reference set than {runs[0].Folder}; such numbers do not compare");
        }
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine(Invariant($"{first.Settings.SampleCount:N0} generated images vs {first.Reference.Count:N0} t10k images; classifier {first.Classifier.Sha256[..12]}; mean ± sd over runs"));
        w.WriteLine();
        bool conditional = runs.Any(r => r.Report.Generated.ConditionalAccuracy is not null);
        w.WriteLine("| model | runs (seeds) | steps | train s | FID | KID | precision | recall | density | coverage | classes | largest class |" + (conditional ? " class accuracy |" : ""));
        w.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (conditional ? "---:|" : ""));
        foreach (var group in runs.GroupBy(r => (r.Report.Model!.Model, Step: byModel ? 0 : r.Report.Model.Step)).OrderBy(g => g.Key.Model).ThenBy(g => g.Key.Step))
        {
            var g = group.ToList();
            string seeds = string.Join(", ", g.Select(r => r.Report.Model!.TrainingSeed.ToString(CultureInfo.InvariantCulture)));
            string steps = byModel ? Stat(g.Select(r => (double)r.Report.Model!.Step), "N0") : group.Key.Step.ToString("N0", CultureInfo.InvariantCulture);
            w.WriteLine(Invariant($"| {group.Key.Model} | {g.Count} ({seeds}) | {steps} | {Stat(g.Select(r => r.TrainingSeconds), "0")} | ") +
                string.Join(" | ", Stat(g.Select(r => r.Report.Generated.Fid), "0.0"), Stat(g.Select(r => r.Report.Generated.KidMean), "0.00"),
                    Stat(g.Select(r => r.Report.Generated.Precision), "0.000"), Stat(g.Select(r => r.Report.Generated.Recall), "0.000"),
                    Stat(g.Select(r => r.Report.Generated.Density), "0.000"), Stat(g.Select(r => r.Report.Generated.Coverage), "0.000"),
                    Stat(g.Select(r => (double)r.Report.Generated.ClassesCovered), "0.0"), Stat(g.Select(r => r.Report.Generated.LargestClassShare * 100), "0") + " %") + " |" +
                (conditional ? $" {(g.All(r => r.Report.Generated.ConditionalAccuracy is not null) ? Stat(g.Select(r => r.Report.Generated.ConditionalAccuracy!.Accuracy * 100), "0.0") + " %" : "")} |" : ""));
        }
        foreach (var p in first.ReferencePoints)
            w.WriteLine(Invariant($"| *{p.Name}* | | | | {p.Fid:0.0} | {p.KidMean:0.00} | {p.Precision:0.000} | {p.Recall:0.000} | {p.Density:0.000} | {p.Coverage:0.000} | {p.ClassesCovered} | {p.LargestClassShare * 100:0} % |") + (conditional ? " |" : ""));
        return w.ToString();
    }

    /// <summary>"mean ± sd" (sample standard deviation), or the value alone for one run.</summary>
    private static string Stat(IEnumerable<double> values, string format)
    {
        var v = values.ToList();
        double mean = v.Average();
        if (v.Count == 1) return mean.ToString(format, CultureInfo.InvariantCulture);
        double sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
