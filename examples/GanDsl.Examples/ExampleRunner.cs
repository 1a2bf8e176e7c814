using System;
using System.IO;
using GanDsl.Data;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Examples;

/// <summary>Trains any generated GAN with a live progress bar and tells the user where its files are.</summary>
internal static class ExampleRunner
{
    public static int Train<TG, TD>(GanModel<TG, TD> gan, ImageDataset allData, ExampleArguments args, int defaultEpochs)
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator
    {
        using var limited = args.Limit is { } limit && limit < allData.Count ? allData.Take(limit) : null;
        var data = limited ?? allData;
        string output = args.Out ?? Path.Combine("runs", args.Example);
        int epochs = args.Epochs ?? defaultEpochs;
        AnsiConsole.MarkupLine($"[bold]{gan.Definition.Name}[/] on [green]{Markup.Escape(data.Source)}[/], device {gan.TorchDevice.type}, seed {gan.Options.Seed}");
        AnsiConsole.WriteLine(TG.Summary());
        AnsiConsole.WriteLine(TD.Summary());

        TrainingRun run = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                run = gan.Fit(data, epochs, args.BatchSize, output, new ConsoleProgress(task), args.MaxSteps, args.Resume);
                task.Value = task.MaxValue;
            });

        AnsiConsole.MarkupLine($"Trained steps {run.FirstStep}..{run.LastStep} ({run.EpochsCompleted} epochs done) in {run.Seconds:F1} s; last step D {run.LastStepResult.DLoss:F3}, G {run.LastStepResult.GLoss:F3}");
        AnsiConsole.MarkupLine($"Run folder:   [link]{Markup.Escape(run.OutputDirectory!)}[/]");
        AnsiConsole.MarkupLine($"Sample grids: {Markup.Escape(Path.Combine(run.OutputDirectory!, "samples"))}");
        AnsiConsole.MarkupLine($"Metrics:      {Markup.Escape(Path.Combine(run.OutputDirectory!, "metrics.csv"))}");
        AnsiConsole.MarkupLine($"Loss plot:    {Markup.Escape(Path.Combine(run.OutputDirectory!, "loss.png"))}");
        AnsiConsole.MarkupLine($"Checkpoint:   {Markup.Escape(run.LatestCheckpoint ?? "(none)")}");
        return 0;
    }
}
