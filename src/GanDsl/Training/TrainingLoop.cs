using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GanDsl.Data;
using GanDsl.Output;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>A checkpoint read, verified and checked against a model, not yet applied.</summary>
internal sealed record PreparedCheckpoint(string File, CheckpointMetadata Metadata, Dictionary<string, byte[]> Sections);

/// <summary>What the fit loop needs from the model it trains: the objective, the counters, the options, and the
/// model's own checkpoint format around the objective's sections.</summary>
internal interface ITrainingHost
{
    ITrainingObjective Objective { get; }
    RunCounters Counters { get; }
    GanOptions Options { get; }
    Device TorchDevice { get; }
    IReadOnlyList<ITrainingObserver> Observers { get; }

    /// <summary>Reads and checks a checkpoint (file or run folder) against the model; changes nothing.</summary>
    PreparedCheckpoint PrepareCheckpoint(string path);

    /// <summary>Applies a prepared checkpoint: weights, optimizer states, counters, seed.</summary>
    void ApplyCheckpoint(PreparedCheckpoint checkpoint);

    /// <summary>Writes a checkpoint of the model as it is, atomically.</summary>
    void Save(string path);
}

/// <summary>
/// The fit loop, the same for every training objective: batches and epochs (<see cref="EpochStream"/>), per-step
/// seeding, resume, checkpoints and pruning, metrics.csv and loss.png in the objective's columns, sample pictures,
/// progress, divergence checks, observers at epoch ends. See GanModel.Fit for the contract.
/// </summary>
internal static class TrainingLoop
{
    /// <summary>Checkpoints of a run kept besides the newest one.</summary>
    private const int OlderCheckpointsKept = 2;

    public static TrainingRun Run(
        ITrainingHost host,
        ImageDataset data,
        int epochs,
        int batchSize,
        string? output,
        IProgress<TrainingProgress>? progress,
        long? maxSteps,
        string? resumeFrom,
        CancellationToken cancellationToken)
    {
        var objective = host.Objective;
        var counters = host.Counters;
        OptionChecks.FitArguments(epochs, batchSize, maxSteps);
        EnsureDataFits(objective, data, batchSize, host.Options);
        var checkpoint = resumeFrom is null ? null : host.PrepareCheckpoint(resumeFrom);
        string? root = output is null ? null : Path.GetFullPath(output);
        var columns = objective.Metrics;
        var columnNames = columns.Select(c => c.Name).ToArray();
        if (root is not null)
        {
            RunFolder.EnsureWritable(root, checkpoint is null ? counters.RunId : checkpoint.Metadata.RunId, checkpoint?.Metadata.Step ?? counters.Step);
            MetricsCsv.EnsureColumns(new RunLayout(root).Metrics, columnNames);
        }
        if (checkpoint is not null) host.ApplyCheckpoint(checkpoint);
        counters.BatchSize = batchSize;

        var layout = root is null ? null : RunLayout.Open(root);
        using var metrics = layout is null ? null : new MetricsCsv(layout.Metrics, columnNames, keepRowsUpToStep: counters.Step);
        long stepsPerEpoch = Math.Max(1, BatchPlan.BatchCount(data.Count, batchSize, host.Options.DropLastBatch) / objective.BatchesPerStep);
        // The step budget a learning-rate decay runs down over: the epochs' steps, or maxSteps when that comes first.
        long plannedSteps = Math.Max(1, Math.Min(epochs * stepsPerEpoch, maxSteps ?? long.MaxValue));
        long firstStep = counters.Step, checkpointStep = -1, stateStep = -1;
        var clock = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        long windowStart = counters.Step;
        var last = new StepMetrics(columns, columns.Select(_ => double.NaN).ToArray());
        string? latest = layout?.Latest, picture = null;

        // Writes the picture, loss plot and checkpoint of the current step, after making sure the weights are finite.
        void SaveRunState(string picturePath)
        {
            EnsureFiniteWeights(objective, counters.Step, latest);
            picture = objective.SavePicture(picturePath, data) ?? picture;
            LossPlot.SavePng(MetricsCsv.Read(layout!.Metrics), columns, layout.LossPlot);
            if (checkpointStep != counters.Step) latest = WriteCheckpoint(host, layout);
            checkpointStep = stateStep = counters.Step;
        }

        // Epochs completed (by the last step, or a resumed epoch with no batch left): counters, files, observers.
        void EndEpochs(int completed, EpochStream stream)
        {
            counters.Epoch = stream.Epoch;
            counters.ImagesInEpoch = stream.ImagesInEpoch;
            counters.StepInEpoch = 0;
            if (layout is not null) SaveRunState(layout.SampleGrid(counters.Epoch));
            foreach (var observer in host.Observers) observer.EpochEnded(new TrainingEpoch(counters.Epoch, counters.Step, root));
            TestPause.AfterStep(counters.Step);
        }

        var stream = new EpochStream(data, batchSize, host.Options.Seed, host.Options.DropLastBatch, counters.Epoch, counters.StartOfEpochRemainder(batchSize));
        if (stream.TakeCompleted() is > 0 and var skipped && counters.Epoch < epochs) EndEpochs(skipped, stream);
        while (counters.Epoch < epochs)
        {
            if ((maxSteps is { } max && counters.Step >= max) || cancellationToken.IsCancellationRequested) break;
            double[] values;
            using (torch.NewDisposeScope())
            {
                StepSeeding.Seed(host.Options.Seed, counters.Step, host.TorchDevice);
                LearningRateSchedule.Apply(objective, counters.Step, plannedSteps);
                values = objective.Step(stream);
            }
            counters.Step++;
            counters.StepInEpoch++;
            counters.ImagesInEpoch = stream.ImagesInEpoch;
            last = new StepMetrics(columns, values);
            EnsureFiniteMetrics(objective, counters.Step, last, latest);
            int completed = stream.TakeCompleted();

            if (counters.Step % host.Options.LogEvery == 0 || completed > 0)
            {
                double rate = (counters.Step - windowStart) / Math.Max(window.Elapsed.TotalSeconds, 1e-9);
                window.Restart();
                windowStart = counters.Step;
                metrics?.Append(new MetricsRow(counters.Step, counters.Epoch + 1, values, rate, clock.Elapsed.TotalSeconds));
                var adversarial = StepResult.From(last);
                progress?.Report(new TrainingProgress(counters.Epoch + 1, epochs, counters.Step, stepsPerEpoch,
                    adversarial.DLoss, adversarial.GLoss, adversarial.DReal, adversarial.DFake, rate, maxSteps) { Metrics = last });
            }
            if (completed > 0)
            {
                EndEpochs(completed, stream);
                continue;
            }
            if (layout is not null && host.Options.CheckpointEvery > 0 && counters.Step % host.Options.CheckpointEvery == 0)
            {
                EnsureFiniteWeights(objective, counters.Step, latest);
                latest = WriteCheckpoint(host, layout);
                checkpointStep = counters.Step;
            }
            TestPause.AfterStep(counters.Step);
        }

        if (layout is not null && counters.Step > firstStep && stateStep != counters.Step)
            SaveRunState(layout.StepSampleGrid(counters.Step));
        return new TrainingRun(layout?.Root, firstStep, counters.Step, counters.Epoch, StepResult.From(last), clock.Elapsed.TotalSeconds, latest, picture);
    }

    /// <summary>The data's samples must fit the objective (the runtime twin of GAN001), and there must be at least
    /// one batch per epoch.</summary>
    private static void EnsureDataFits(ITrainingObjective objective, ImageDataset data, int batchSize, GanOptions options)
    {
        objective.CheckSamples(data.ImageShape, batchSize);
        objective.CheckLabels(data.Labels, data.Source);
        if (data.Count == 0)
            throw new ArgumentException($"{data.Source} holds no samples", nameof(data));
        if (BatchPlan.BatchCount(data.Count, batchSize, options.DropLastBatch) == 0)
            throw new ArgumentException(
                $"{data.Source} has {data.Count} samples: not one full batch of {batchSize}. Use a batch size of at most {data.Count}, " +
                "or set GanOptions.DropLastBatch = false to train on one partial batch", nameof(data));
    }

    /// <summary>Stops the run when a metric of the step just taken is NaN or infinite.</summary>
    private static void EnsureFiniteMetrics(ITrainingObjective objective, long step, StepMetrics metrics, string? lastGood)
    {
        if (FiniteChecks.Metrics(metrics.Columns, metrics.Values) is not { } found) return;
        var broken = BrokenWeights(objective);
        throw new TrainingDivergedException(step, found.Network,
            found.Problem + (broken.Count > 0 ? $"; non-finite weights in {Describe(broken)}" : ""), lastGood);
    }

    /// <summary>Stops the run, before anything is written from them, when the weights hold a NaN or an infinity.</summary>
    private static void EnsureFiniteWeights(ITrainingObjective objective, long step, string? lastGood)
    {
        var broken = BrokenWeights(objective);
        if (broken.Count == 0) return;
        throw new TrainingDivergedException(step, broken[0].Network.Section, $"non-finite weights in {Describe(broken)}", lastGood);
    }

    private static List<(ObjectiveNetwork Network, List<string> Tensors)> BrokenWeights(ITrainingObjective objective) =>
        objective.Networks.Select(n => (n, FiniteChecks.NonFiniteTensors(n.Module))).Where(b => b.Item2.Count > 0).ToList();

    private static string Describe(List<(ObjectiveNetwork Network, List<string> Tensors)> broken) =>
        string.Join(" and ", broken.Select(b => $"the {b.Network.Description} ({string.Join(", ", b.Tensors)})"));

    /// <summary>Writes a checkpoint, then moves the 'latest' pointer to it (both atomically), then prunes older
    /// checkpoints of this run.</summary>
    private static string WriteCheckpoint(ITrainingHost host, RunLayout layout)
    {
        var path = layout.Checkpoint(host.Counters.Step);
        host.Save(path);
        var temp = layout.LatestPointer + ".tmp";
        File.WriteAllText(temp, Path.GetFileName(path));
        File.Move(temp, layout.LatestPointer, overwrite: true);
        RunFolder.Prune(layout.Checkpoints, host.Counters.RunId, host.Counters.Step, OlderCheckpointsKept);
        return path;
    }
}
