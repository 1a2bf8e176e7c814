using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GanDsl.Data;
using GanDsl.Output;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

public abstract partial class GanModel<TGenerator, TDiscriminator>
{
    private const int CheckpointsKept = 3;

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs in total (a resumed run counts the epochs already done).
    /// With an output folder, writes a sample grid per epoch (samples/epoch-NNN.png, from one fixed noise batch),
    /// metrics.csv, loss.png and checkpoints (checkpoints/step-*.ckpt plus a 'latest' pointer).
    /// <paramref name="resumeFrom"/>: a run folder or checkpoint to continue from; <paramref name="maxSteps"/>:
    /// stop (with a checkpoint) once the step counter reaches it, e.g. to split a run.
    /// </summary>
    public TrainingRun Fit(
        ImageDataset data,
        int epochs,
        int batchSize,
        string? output = null,
        IProgress<TrainingProgress>? progress = null,
        long? maxSteps = null,
        string? resumeFrom = null,
        CancellationToken cancellationToken = default)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        // The runtime twin of GAN001, before any computation.
        if (data.ImageShape != TDiscriminator.InputShape)
            throw new BatchShapeException(typeof(TDiscriminator).Name, TDiscriminator.InputShape, data.ImageShape.WithBatch(batchSize));
        if (resumeFrom is not null) LoadCheckpoint(resumeFrom);

        var layout = output is null ? null : RunLayout.Create(output);
        using var metrics = layout is null ? null : new MetricsCsv(layout.Metrics, keepRowsUpToStep: Step);
        long firstStep = Step;
        var clock = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        long windowStart = Step;
        StepResult last = default;
        string? latest = null;
        bool stopped = false;

        while (Epoch < epochs && !stopped)
        {
            var batches = BatchPlan.ForEpoch(data.Count, batchSize, Options.Seed, Epoch, Options.DropLastBatch);
            if (batches.Length == 0)
                throw new ArgumentException($"{data.Source} has {data.Count} images: not one full batch of {batchSize} (set GanOptions.DropLastBatch = false to train on a partial batch)", nameof(data));

            for (long b = StepInEpoch; b < batches.Length; b++)
            {
                if ((maxSteps is { } max && Step >= max) || cancellationToken.IsCancellationRequested) { stopped = true; break; }
                using (torch.NewDisposeScope())
                {
                    using var index = torch.tensor(batches[b], dtype: ScalarType.Int64);
                    last = TrainStep(data.Images.index_select(0, index));
                }
                StepInEpoch = b + 1;

                bool endOfEpoch = StepInEpoch == batches.Length;
                if (Step % Options.LogEvery == 0 || endOfEpoch)
                {
                    double rate = (Step - windowStart) / Math.Max(window.Elapsed.TotalSeconds, 1e-9);
                    window.Restart();
                    windowStart = Step;
                    metrics?.Append(new MetricsRow(Step, Epoch + 1, last.DLoss, last.GLoss, last.DReal, last.DFake, rate, clock.Elapsed.TotalSeconds));
                    progress?.Report(new TrainingProgress(Epoch + 1, epochs, Step, batches.Length, last.DLoss, last.GLoss, last.DReal, last.DFake, rate));
                }
                if (layout is not null && Options.CheckpointEvery > 0 && Step % Options.CheckpointEvery == 0 && !endOfEpoch)
                    latest = WriteCheckpoint(layout);
            }
            if (stopped) break;

            Epoch++;
            StepInEpoch = 0;
            if (layout is not null)
            {
                using (torch.NewDisposeScope())
                    SampleGrid.SavePng(SampleFixedGrid(), layout.SampleGrid(Epoch));
                LossPlot.SavePng(MetricsCsv.Read(layout.Metrics), layout.LossPlot);
                latest = WriteCheckpoint(layout);
            }
        }

        if (stopped && layout is not null && Step > firstStep)
        {
            LossPlot.SavePng(MetricsCsv.Read(layout.Metrics), layout.LossPlot);
            latest = WriteCheckpoint(layout);
        }
        return new TrainingRun(layout?.Root, firstStep, Step, Epoch, last, clock.Elapsed.TotalSeconds, latest);
    }

    /// <summary>Writes a checkpoint, then moves the 'latest' pointer to it (both atomically), then prunes old ones.</summary>
    private string WriteCheckpoint(RunLayout layout)
    {
        var path = layout.Checkpoint(Step);
        Save(path);
        var pointer = Path.Combine(layout.Checkpoints, LatestPointer);
        var temp = pointer + ".tmp";
        File.WriteAllText(temp, Path.GetFileName(path));
        File.Move(temp, pointer, overwrite: true);
        foreach (var old in Directory.GetFiles(layout.Checkpoints, "step-*.ckpt").OrderByDescending(f => f, StringComparer.Ordinal).Skip(CheckpointsKept))
            File.Delete(old);
        return path;
    }
}

/// <summary>The files of one run folder.</summary>
internal sealed class RunLayout
{
    private RunLayout(string root) => Root = root;

    public string Root { get; }
    public string Samples => Path.Combine(Root, "samples");
    public string Checkpoints => Path.Combine(Root, "checkpoints");
    public string Metrics => Path.Combine(Root, "metrics.csv");
    public string LossPlot => Path.Combine(Root, "loss.png");
    public string SampleGrid(int epoch) => Path.Combine(Samples, $"epoch-{epoch:D3}.png");
    public string Checkpoint(long step) => Path.Combine(Checkpoints, $"step-{step:D9}.ckpt");

    public static RunLayout Create(string root)
    {
        var layout = new RunLayout(Path.GetFullPath(root));
        Directory.CreateDirectory(layout.Samples);
        Directory.CreateDirectory(layout.Checkpoints);
        return layout;
    }
}
