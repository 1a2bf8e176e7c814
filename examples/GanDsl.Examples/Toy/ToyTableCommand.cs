using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GanDsl.Data;

namespace GanDsl.Examples.Toy;

/// <summary>toy-table: every chosen toy GAN on every chosen mixture for several seeds at one step budget; prints the
/// markdown results table (and each run as it ends, on standard error).</summary>
internal static class ToyTableCommand
{
    public static readonly string[] DefaultGans = { "NonSaturating", "WassersteinGP", "Hinge", "Hinge+SN" };

    public static readonly string Usage = $"""
        Run the 2-D mode-collapse benchmark: GANs x mixtures x seeds, and print the results table.

        Usage: dotnet run -c Release --project examples/GanDsl.Examples -- toy-table [options]

        Options:
          --gans A,B,...        toy GANs to run (default: {string.Join(",", DefaultGans)}); any of
                                {ToyContenders.Names}
          --mixtures A,B        ring, grid (default: ring,grid)
          --seeds N             seeds 1..N per GAN and mixture (default: 5)
          --max-steps N         step budget of every run (default: {ToyCommand.DefaultSteps})
          --batch-size N        default: {ToyCommand.DefaultBatch}
          --csv FILE            also write one line per run
          --cpu                 use the CPU even when CUDA is available
        """;

    public static int Run(IReadOnlyList<string> args)
    {
        var gans = DefaultGans.ToList();
        var mixtures = new List<string> { "ring", "grid" };
        int seeds = 5, batch = ToyCommand.DefaultBatch;
        long steps = ToyCommand.DefaultSteps;
        string? csv = null;
        bool cpu = false;
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
                switch (arg)
                {
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    case "--gans": gans = Value().Split(',').Select(n => ToyContenders.Find(n.Trim()).Name).ToList(); break;
                    case "--mixtures": mixtures = Value().Split(',').Select(m => GaussianMixture.Named(m.Trim()).Name).ToList(); break;
                    case "--seeds": seeds = (int)ToyCommand.Whole(arg, Value(), 1, 1000); break;
                    case "--max-steps": steps = ToyCommand.Whole(arg, Value(), 1); break;
                    case "--batch-size": batch = (int)ToyCommand.Whole(arg, Value(), 1, int.MaxValue); break;
                    case "--csv": csv = Value(); break;
                    case "--cpu": cpu = true; break;
                    default: throw new ArgumentException($"unknown option {arg}");
                }
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message.Split(" (Parameter")[0]}\n");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.Error.WriteLine($"toy-table: {string.Join(", ", gans)} on {string.Join(", ", mixtures)}, seeds 1..{seeds}, {steps} steps of batch {batch}");
        var results = new List<ToyResult>();
        foreach (var mixture in mixtures)
            foreach (var gan in gans)
                for (long seed = 1; seed <= seeds; seed++)
                {
                    var result = ToyRunner.Run(gan, GaussianMixture.Named(mixture), seed, steps, batch, cpu);
                    results.Add(result);
                    var c = result.Coverage;
                    Console.Error.WriteLine(FormattableString.Invariant(
                        $"  {gan} {mixture} seed {seed}: {c.ModesCaptured}/{c.Modes} modes, {c.HighQualityPercent:F1} % high quality, reverse KL {c.ReverseKl:F3}, {result.Seconds:F1} s"));
                    if (csv is not null) File.WriteAllText(csv, ToyTable.Csv(results));
                }

        Console.WriteLine(FormattableString.Invariant($"{steps} steps of batch {batch}, {ToyRunner.DataSize} training points, {ToyRunner.EvaluationSamples} samples measured, seeds 1..{seeds}:"));
        Console.WriteLine();
        Console.Write(ToyTable.Markdown(results));
        return 0;
    }
}
