using System;
using System.IO;
using GanDsl.Evaluation;
using GanDsl.Examples;
using Xunit;

namespace GanDsl.Tests.Examples;

/// <summary>The compare command: groups evaluated runs by model and step count, mean ± sd over seeds, and refuses
/// numbers that do not compare.</summary>
[Collection(SerialCollection.Name)]   // swaps Console.Out/Error
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MetricSet Metrics(string name, double fid) =>
        new(name, name, 500, fid, fid / 4, 0.001, 0.5, 0.4, 0.9, 0.6, 9, 0.2, 0.05, 0.1, new long[10], null);

    private string Evaluated(string run, string model, long step, long seed, double fid, int samples = 500, double seconds = 10)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, run)).FullName;
        var report = new EvaluationReport(EvaluationReport.SchemaVersion, "2026-11-30T00:00:00Z",
            new EvaluatedModel(model, step, 1, seed, 0, null),
            new ClassifierSummary("cnn", 128, FashionClassifier.ShippedSha256, 0.9269, "test"),
            new ReferenceSummary("t10k", 10000, samples, "even", "odd"),
            new EvaluationSettings { SampleCount = samples }, Metrics("generated", fid),
            new[] { Metrics("floor", 2.5), Metrics("gaussian-noise", 900) }, 1);
        EvaluationJson.Save(report, Path.Combine(folder, EvaluationJson.FileName));
        File.WriteAllText(Path.Combine(folder, "metrics.csv"),
            "step,epoch,d_loss,g_loss,d_real,d_fake,steps_per_second,seconds\n" + $"{step},1,1,1,0.5,0.5,10,{seconds}\n" + $"{step + 5},1,1,1,0.5,0.5,10,{seconds + 99}\n");
        return folder;
    }

    private static (int Code, string Out, string Error) Run(params string[] args) => CapturedRun.Run(args);

    [Fact]
    public void Runs_of_one_model_and_step_count_become_one_row_with_mean_and_sd()
    {
        var (code, output, error) = Run("compare",
            Evaluated("a1", "FashionMlpGan", 100, 1, 40, seconds: 10), Evaluated("a2", "FashionMlpGan", 100, 2, 50, seconds: 20),
            Evaluated("b1", "FashionDcgan", 300, 1, 20));
        Assert.True(code == 0, error);
        // FID 40 and 50: mean 45, sample sd 7.07; training seconds read at the evaluated step (10 and 20), not later rows.
        Assert.Contains("| FashionMlpGan | 2 (1, 2) | 100 | 15 ± 7 | 45.0 ± 7.1 | 11.25 ± 1.77 |", output);
        Assert.Contains("| FashionDcgan | 1 (1) | 300 | 10 | 20.0 | 5.00 |", output);
        Assert.Contains("| *floor* | | | | 2.5 |", output);
        Assert.True(output.IndexOf("FashionDcgan", StringComparison.Ordinal) < output.IndexOf("FashionMlpGan", StringComparison.Ordinal));
    }

    [Fact]
    public void By_model_groups_runs_of_one_wall_clock_budget_whatever_their_steps()
    {
        string[] runs = { Evaluated("t1", "FashionDcgan", 2600, 1, 30, seconds: 1080), Evaluated("t2", "FashionDcgan", 2700, 2, 40, seconds: 1080) };
        var (code, output, error) = Run(["compare", "--by-model", .. runs]);
        Assert.True(code == 0, error);
        // Steps 2,600 and 2,700: mean 2,650, sample sd 71.
        Assert.Contains("| FashionDcgan | 2 (1, 2) | 2,650 ± 71 | 1080 ± 0 | 35.0 ± 7.1 |", output);
        (code, output, _) = Run(["compare", .. runs]);
        Assert.Contains("| FashionDcgan | 1 (1) | 2,600 |", output);
        Assert.Contains("| FashionDcgan | 1 (2) | 2,700 |", output);
        Assert.Equal(1, Run("compare", "--by-steps", runs[0]).Code);
    }

    [Fact]
    public void Numbers_that_do_not_compare_and_missing_reports_are_refused()
    {
        var (code, _, error) = Run("compare", Evaluated("c1", "FashionMlpGan", 100, 1, 40), Evaluated("c2", "FashionMlpGan", 100, 2, 40, samples: 2000));
        Assert.Equal(1, code);
        Assert.Contains("do not compare", error);

        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        (code, _, error) = Run("compare", empty);
        Assert.Equal(1, code);
        Assert.Contains("no eval.json; run `evaluate", error);
        Assert.Equal(2, Run("compare").Code);
    }
}
