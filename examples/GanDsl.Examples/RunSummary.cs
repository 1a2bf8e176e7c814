using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GanDsl.Examples;

/// <summary>What the examples print after training: what was trained, and where the run's files are. A path is
/// printed only when that file exists.</summary>
internal static class RunSummary
{
    public static IReadOnlyList<string> Lines(TrainingRun run, long? maxSteps, string? stoppedBecause = null)
    {
        string budget = maxSteps is { } max ? $" of a budget of {max} steps (--max-steps {max})" : "";
        string stopped = stoppedBecause is null ? "" : $", {stoppedBecause}";
        var lines = new List<string>
        {
            run.LastStep == run.FirstStep
                ? $"Trained no step: the step counter is at {run.LastStep}{budget}, {run.EpochsCompleted} epochs done{stopped}"
                : $"Trained steps {run.FirstStep}..{run.LastStep}{budget} ({run.EpochsCompleted} epochs done) in {run.Seconds:F1} s{stopped}; " +
                  $"last step D {run.LastStepResult.DLoss:F3}, G {run.LastStepResult.GLoss:F3}",
        };
        if (run.OutputDirectory is not { } root) return lines;
        lines.Add($"Run folder:   {root}");
        string samples = Path.Combine(root, "samples");
        if (Directory.Exists(samples) && Directory.EnumerateFiles(samples, "*.png").Any())
            lines.Add($"Sample grids: {samples}");
        AddIfExists(lines, "Last grid:    ", run.SamplePicture);
        AddIfExists(lines, "Metrics:      ", Path.Combine(root, "metrics.csv"));
        AddIfExists(lines, "Loss plot:    ", Path.Combine(root, "loss.png"));
        AddIfExists(lines, "Checkpoint:   ", run.LatestCheckpoint);
        return lines;
    }

    private static void AddIfExists(List<string> lines, string label, string? path)
    {
        if (path is not null && File.Exists(path)) lines.Add(label + path);
    }
}
