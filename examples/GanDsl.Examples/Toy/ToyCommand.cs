using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GanDsl.Data;
using Spectre.Console;

namespace GanDsl.Examples.Toy;

/// <summary>toy: trains one toy GAN on the ring or the grid and prints modes captured, % high quality and the
/// reverse KL; writes the run folder (per-epoch scatter plots, metrics.csv, loss.png, checkpoints) and toy.png,
/// 2,500 samples over the true modes.</summary>
internal static class ToyCommand
{
    public const long DefaultSteps = 4000;
    public const int DefaultBatch = 256;

    public static readonly string Usage = $"""
        Train a GAN on a 2-D mixture of Gaussians (the PacGAN mode-collapse benchmark) and measure its modes.

        Usage: dotnet run -c Release --project examples/GanDsl.Examples -- toy [options]

        Options:
          --mixture ring|grid   8 modes on the unit circle (sd 0.01) or 25 on the grid -4, -2, 0, 2, 4 squared (sd 0.05) (default: ring)
          --loss NAME           the [Gan] to train: {ToyContenders.Names} (default: NonSaturating)
          --max-steps N         step budget (default: {DefaultSteps}); a step is one G update
          --batch-size N        default: {DefaultBatch}
          --seed N              default: 1
          --out DIR             run folder (default: runs/toy-<mixture>-<loss>, numbered when taken)
          --cpu                 use the CPU even when CUDA is available
        """;

    public static int Run(IReadOnlyList<string> args)
    {
        string mixtureName = "ring", loss = "NonSaturating";
        string? output = null;
        long steps = DefaultSteps, seed = 1;
        int batch = DefaultBatch;
        bool cpu = false;
        GaussianMixture mixture;
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                switch (arg)
                {
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    case "--mixture": mixtureName = Value(); break;
                    case "--loss": loss = ToyContenders.Find(Value()).Name; break;
                    case "--max-steps": steps = Whole(arg, Value(), 1); break;
                    case "--batch-size": batch = (int)Whole(arg, Value(), 1, int.MaxValue); break;
                    case "--seed": seed = Whole(arg, Value(), long.MinValue); break;
                    case "--out": output = Value(); break;
                    case "--cpu": cpu = true; break;
                    default: throw new ArgumentException($"unknown option {arg}");
                }
            }
            mixture = GaussianMixture.Named(mixtureName);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message.Split(" (Parameter")[0]}\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        output ??= ExampleRunner.DefaultOutput("runs", $"toy-{mixture.Name}-{loss}");
        try
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(loss)}[/] on the [green]{mixture.Name}[/] ({mixture.Modes.Count} modes, sd {mixture.Sd.ToString(CultureInfo.InvariantCulture)}), " +
                                   $"{steps} steps of batch {batch}, seed {seed}");
            ToyResult result = null!;
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("starting", maxValue: 1);
                    result = ToyRunner.Run(loss, mixture, seed, steps, batch, cpu, output, new ConsoleProgress(task));
                    task.Value = task.MaxValue;
                });
            var c = result.Coverage;
            Console.WriteLine($"Modes captured: {c.ModesCaptured}/{c.Modes}");
            Console.WriteLine(FormattableString.Invariant($"High quality:   {c.HighQualityPercent:F1} % of {c.Samples} samples (within 3 sd of their nearest mode)"));
            Console.WriteLine(FormattableString.Invariant($"Reverse KL:     {c.ReverseKl:F3} (mode histogram of the high-quality samples vs uniform)"));
            Console.WriteLine($"Per mode:       {string.Join(" ", c.HighQualityPerMode)}");
            Console.WriteLine(FormattableString.Invariant($"Trained {result.Steps} steps in {result.Seconds:F1} s"));
            Console.WriteLine($"Scatter plot:   {Path.GetFullPath(Path.Combine(output, "toy.png"))}");
            Console.WriteLine($"Run folder:     {Path.GetFullPath(output)}");
            return 0;
        }
        catch (RunFolderInUseException e)
        {
            Console.Error.WriteLine($"error: '{e.Folder}' already holds {e.Holds}. Nothing was written. Pass another --out.");
            return 1;
        }
    }

    internal static long Whole(string option, string text, long least, long most = long.MaxValue)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < least || v > most)
            throw new ArgumentException($"{option} needs a whole number{(least > long.MinValue ? $", {least} or more" : "")}; got '{text}'");
        return v;
    }
}
