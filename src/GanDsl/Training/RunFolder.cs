using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanDsl.Output;

namespace GanDsl;

/// <summary>
/// A run folder holds one run. A Fit may write into a folder only when it is empty of run files or when the model
/// continues exactly the run that is there: the same run id, at the step of the folder's latest checkpoint. Anything
/// else (a fresh run, a resumed run of another folder, a model that trained on elsewhere) is refused before a file is
/// touched, because writing would cut metrics.csv and prune or shadow that run's checkpoints.
/// </summary>
public static class RunFolder
{
    /// <summary>What run files <paramref name="folder"/> holds, in words ("its latest checkpoint is step 30, saved
    /// by FashionMlpGan", "metrics.csv, samples/epoch-001.png"), or null when it holds none.</summary>
    public static string? Describe(string folder)
    {
        var layout = new RunLayout(Path.GetFullPath(folder));
        if (File.Exists(layout.LatestPointer))
        {
            string name = File.ReadAllText(layout.LatestPointer).Trim();
            try
            {
                var metadata = CheckpointFile.ReadMetadata(Path.Combine(layout.Checkpoints, name));
                return $"a run whose latest checkpoint is step {metadata.Step}, saved by {metadata.Model}";
            }
            catch (CheckpointException e)
            {
                return $"a run whose latest checkpoint ({name}) cannot be read: {e.Message}";
            }
        }
        var files = RunFiles(layout).ToList();
        return files.Count == 0 ? null : $"files of a run with no 'latest' checkpoint ({string.Join(", ", files.Take(4))}{(files.Count > 4 ? ", ..." : "")})";
    }

    /// <summary>Refuses, with <see cref="RunFolderInUseException"/>, to let run <paramref name="runId"/> at
    /// <paramref name="step"/> write into <paramref name="root"/> unless the folder is free or holds that very run
    /// at that very step.</summary>
    internal static void EnsureWritable(string root, string? runId, long step)
    {
        var layout = new RunLayout(root);
        if (!File.Exists(layout.LatestPointer))
        {
            if (Describe(root) is { } files) throw new RunFolderInUseException(root, files);
            return;
        }
        string name = File.ReadAllText(layout.LatestPointer).Trim();
        CheckpointMetadata latest;
        try
        {
            latest = CheckpointFile.ReadMetadata(Path.Combine(layout.Checkpoints, name));
        }
        catch (CheckpointException e)
        {
            throw new RunFolderInUseException(root, $"a run whose latest checkpoint ({name}) cannot be read: {e.Message}");
        }
        if (latest.RunId != runId)
            throw new RunFolderInUseException(root, $"another run: its latest checkpoint is step {latest.Step}, saved by {latest.Model}");
        if (latest.Step != step)
            throw new RunFolderInUseException(root,
                $"this run at step {latest.Step} (its latest checkpoint), but this model is at step {step}, so writing here would rewrite the run's history");
    }

    /// <summary>Deletes checkpoints of run <paramref name="runId"/> older than step <paramref name="step"/>, keeping
    /// the newest <paramref name="keepOlder"/> of them. Never the one 'latest' names, never another run's, never a
    /// newer one.</summary>
    internal static void Prune(string checkpoints, string? runId, long step, int keepOlder)
    {
        string? latest = File.Exists(Path.Combine(checkpoints, "latest")) ? File.ReadAllText(Path.Combine(checkpoints, "latest")).Trim() : null;
        var older = new List<(long Step, string File)>();
        foreach (var file in Directory.GetFiles(checkpoints, "step-*.ckpt"))
        {
            if (Path.GetFileName(file) == latest || RunLayout.StepOf(file) is not { } fileStep || fileStep >= step) continue;
            try
            {
                if (CheckpointFile.ReadMetadata(file).RunId == runId) older.Add((fileStep, file));
            }
            catch (CheckpointException)
            {
                // Not a checkpoint we can read: not ours to delete.
            }
        }
        foreach (var (_, file) in older.OrderByDescending(o => o.Step).Skip(keepOlder))
            File.Delete(file);
    }

    private static IEnumerable<string> RunFiles(RunLayout layout)
    {
        if (Directory.Exists(layout.Checkpoints))
            foreach (var f in Directory.GetFiles(layout.Checkpoints, "step-*.ckpt").Order()) yield return Path.GetRelativePath(layout.Root, f);
        if (File.Exists(layout.Metrics) && File.ReadLines(layout.Metrics).Skip(1).Any(l => l.Length > 0)) yield return "metrics.csv";
        if (File.Exists(layout.LossPlot)) yield return "loss.png";
        if (Directory.Exists(layout.Samples))
            foreach (var f in Directory.GetFiles(layout.Samples, "*.png").Order()) yield return Path.GetRelativePath(layout.Root, f);
    }
}

/// <summary>The files of one run folder.</summary>
internal sealed class RunLayout
{
    public RunLayout(string root) => Root = root;

    public string Root { get; }
    public string Samples => Path.Combine(Root, "samples");
    public string Checkpoints => Path.Combine(Root, "checkpoints");
    public string LatestPointer => Path.Combine(Checkpoints, "latest");
    public string Metrics => Path.Combine(Root, "metrics.csv");
    public string LossPlot => Path.Combine(Root, "loss.png");
    public string SampleGrid(int epoch) => Path.Combine(Samples, $"epoch-{epoch:D3}.png");
    public string StepSampleGrid(long step) => Path.Combine(Samples, $"step-{step:D9}.png");
    public string Checkpoint(long step) => Path.Combine(Checkpoints, $"step-{step:D9}.ckpt");

    /// <summary>The checkpoint 'latest' names, if there is a pointer.</summary>
    public string? Latest => File.Exists(LatestPointer) ? Path.Combine(Checkpoints, File.ReadAllText(LatestPointer).Trim()) : null;

    public static long? StepOf(string checkpointFile)
    {
        var name = Path.GetFileNameWithoutExtension(checkpointFile);
        return name.StartsWith("step-", StringComparison.Ordinal) && long.TryParse(name.AsSpan(5), out var step) ? step : null;
    }

    /// <summary>Creates the folders and removes temporary files that a killed process left half-written (a
    /// checkpoint, the 'latest' pointer, a picture or metrics.csv); only call it once the folder is known to be this
    /// run's.</summary>
    public static RunLayout Open(string root)
    {
        var layout = new RunLayout(root);
        Directory.CreateDirectory(layout.Samples);
        Directory.CreateDirectory(layout.Checkpoints);
        foreach (var (folder, pattern) in new[] { (layout.Checkpoints, ".step-*.ckpt.*.tmp"), (layout.Checkpoints, "latest.tmp"),
                     (layout.Samples, "*.png.*.tmp"), (layout.Root, "loss.png.*.tmp"), (layout.Root, "metrics.csv.*.tmp") })
            foreach (var stale in Directory.GetFiles(folder, pattern))
                File.Delete(stale);
        return layout;
    }
}
