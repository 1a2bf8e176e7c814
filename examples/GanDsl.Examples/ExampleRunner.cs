using System;
using System.IO;
using GanDsl.Data;
using GanDsl.Evaluation;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Examples;

/// <summary>Trains any generated GAN with a live progress bar and tells the user where its files are.</summary>
internal static class ExampleRunner
{
    public static int Train<TG, TD>(GanModel<TG, TD> gan, ImageDataset allData, ExampleArguments args, int defaultEpochs)
        where TG : nn.Module, IGanNetwork
        where TD : nn.Module, IGanNetwork
    {
        using var limited = args.Limit is { } limit && limit < allData.Count ? allData.Take(limit) : null;
        var data = limited ?? allData;
        if (Data.BatchPlan.BatchCount(data.Count, args.BatchSize, gan.Options.DropLastBatch) == 0)
        {
            Console.Error.WriteLine($"error: --batch-size {args.BatchSize} is more than the {data.Count} images of {data.Source}; use --batch-size {data.Count} or less.");
            return 2;
        }
        string output = OutputFolder(args);
        int epochs = args.Epochs ?? defaultEpochs;
        AnsiConsole.MarkupLine($"[bold]{gan.Definition.Name}[/] on [green]{Markup.Escape(data.Source)}[/], device {gan.TorchDevice.type}, seed {gan.Options.Seed}");
        AnsiConsole.WriteLine(TG.Summary());
        AnsiConsole.WriteLine(TD.Summary());

        using var evaluation = args.EvalEvery > 0 ? EvaluationFor(gan, args) : null;
        if (evaluation is not null) gan.Observers.Add(evaluation);

        // --max-minutes and Ctrl+C end the run the same way as --max-steps: after the current step, with a grid and a
        // checkpoint. A second Ctrl+C is not caught, so it still kills a run that does not stop.
        using var stop = new TrainingStop(args.MaxMinutes);
        TrainingRun run = null!;
        string? stoppedBecause = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                run = gan.Fit(data, epochs, args.BatchSize, output, new ConsoleProgress(task), args.MaxSteps, args.Resume, stop.Token);
                if (run.EpochsCompleted < epochs) stoppedBecause = stop.Reason;
                task.Value = task.MaxValue;
            });

        // Plain lines: Spectre would wrap long paths at the console width, breaking copy and paste.
        foreach (var line in RunSummary.Lines(run, args.MaxSteps, stoppedBecause)) Console.WriteLine(line);
        if (evaluation is { Rows.Count: > 0 } e)
            Console.WriteLine(EvaluationLine(e.Rows[^1], e.FloorFid, e.Rows.Count, run.OutputDirectory ?? output));
        return 0;
    }

    /// <summary>The last evaluation of the run, its floor, and where eval.csv and fid.png are.</summary>
    private static string EvaluationLine(EvaluationRow last, double floorFid, int evaluations, string folder)
    {
        string accuracy = double.IsNaN(last.ClassAccuracy) ? "" : FormattableString.Invariant($", class accuracy {last.ClassAccuracy * 100:0.0} %");
        return FormattableString.Invariant(
            $"Evaluation: FID {last.Fid:0.00}{accuracy} after epoch {last.Epoch} (floor {floorFid:0.00}, {evaluations} evaluations): {Path.Combine(folder, EvaluationCsv.FileName)}, {FidPlot.FileName}");
    }

    /// <summary>--eval-every: the evaluator is built before training starts, so a model that does not make
    /// (1, 28, 28) images or missing t10k data fail at once, not after the first epoch.</summary>
    private static EvaluationObserver<TG, TD> EvaluationFor<TG, TD>(GanModel<TG, TD> gan, ExampleArguments args)
        where TG : nn.Module, IGanNetwork
        where TD : nn.Module, IGanNetwork
    {
        Evaluator.EnsureFashionShaped(gan.Definition.Name, TG.OutputShape);
        var evaluator = Evaluator.CreateDefault(new EvaluationSettings { SampleCount = args.EvalSamples }, args.Data);
        try
        {
            return new EvaluationObserver<TG, TD>(gan, evaluator, args.EvalEvery, ownsEvaluator: true);
        }
        catch
        {
            evaluator.Dispose();
            throw;
        }
    }

    /// <summary>--out; else the folder being resumed (the run goes on where it is); else a new numbered folder.</summary>
    private static string OutputFolder(ExampleArguments args) =>
        args.Out ?? (args.Resume is { } resume && Directory.Exists(resume) ? resume : DefaultOutput("runs", args.Example));

    /// <summary>The first of runs/EXAMPLE, runs/EXAMPLE-2, runs/EXAMPLE-3, ... that holds no run, so running the
    /// same command twice starts a second run instead of refusing (an explicit --out is never renamed).</summary>
    public static string DefaultOutput(string runs, string example)
    {
        for (int n = 1; ; n++)
        {
            string folder = Path.Combine(runs, n == 1 ? example : $"{example}-{n}");
            if (RunFolder.Describe(folder) is null) return folder;
        }
    }
}
