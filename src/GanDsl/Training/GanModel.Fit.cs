using System;
using System.Linq;
using System.Diagnostics;
using System.IO;
using System.Threading;
using GanDsl.Data;
using GanDsl.Output;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

public abstract partial class GanModel<TGenerator, TDiscriminator>
{
    /// <summary>Checkpoints of a run kept besides the newest one.</summary>
    private const int OlderCheckpointsKept = 2;

    /// <summary>Real samples drawn under generated points in a points picture.</summary>
    private const int ReferencePoints = 512;

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs in total (a resumed run counts the epochs already done).
    /// With an output folder, writes a sample picture per epoch (samples/epoch-NNN.png, from one fixed noise batch),
    /// metrics.csv, loss.png and checkpoints (checkpoints/step-*.ckpt plus a 'latest' pointer); a run that stops
    /// early (<paramref name="maxSteps"/> or cancellation) writes samples/step-NNNNNNNNN.png and a checkpoint where it
    /// stopped. The folder must be empty of run files or hold this very run at this model's step
    /// (<see cref="RunFolderInUseException"/> otherwise, before anything is written).
    /// <paramref name="resumeFrom"/>: a run folder or checkpoint to continue from (any batch size; mid-epoch, the rest
    /// of the epoch is the images not yet seen); <paramref name="maxSteps"/>: stop once the step counter reaches it.
    /// A NaN or infinite loss or weight stops the run with <see cref="TrainingDivergedException"/>.
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
        OptionChecks.FitArguments(epochs, batchSize, maxSteps);
        EnsureDataFits(data, batchSize);
        var checkpoint = resumeFrom is null ? null : PrepareCheckpoint(resumeFrom);
        string? root = output is null ? null : Path.GetFullPath(output);
        if (root is not null)
            RunFolder.EnsureWritable(root, checkpoint is null ? RunId : checkpoint.Metadata.RunId, checkpoint?.Metadata.Step ?? Step);
        if (checkpoint is not null) ApplyCheckpoint(checkpoint);
        _batchSize = batchSize;

        var layout = root is null ? null : RunLayout.Open(root);
        var pictureKind = SamplePicture.KindFor(TGenerator.OutputShape);
        using var reference = pictureKind == SamplePictureKind.Points ? data.Images[..Math.Min(ReferencePoints, data.Count)] : null;
        using var metrics = layout is null ? null : new MetricsCsv(layout.Metrics, keepRowsUpToStep: Step);
        int stepsPerEpoch = BatchPlan.BatchCount(data.Count, batchSize, Options.DropLastBatch);
        long firstStep = Step, checkpointStep = -1, stateStep = -1;
        var clock = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        long windowStart = Step;
        StepResult last = default;
        string? latest = layout?.Latest, picture = null;
        bool stopped = false;

        // Writes the picture, loss plot and checkpoint of the current step, after making sure the weights are finite.
        void SaveRunState(string picturePath)
        {
            EnsureFiniteWeights(latest);
            if (pictureKind != SamplePictureKind.None)
                using (torch.NewDisposeScope())
                    picture = SamplePicture.Save(pictureKind, SampleFixedGrid(), reference, picturePath);
            LossPlot.SavePng(MetricsCsv.Read(layout!.Metrics), layout.LossPlot);
            if (checkpointStep != Step) latest = WriteCheckpoint(layout);
            checkpointStep = stateStep = Step;
        }

        while (Epoch < epochs)
        {
            long skip = StartOfEpochRemainder(batchSize);
            var batches = BatchPlan.ForEpochFrom(data.Count, batchSize, Options.Seed, Epoch, Options.DropLastBatch, skip);
            for (int b = 0; b < batches.Length; b++)
            {
                if ((maxSteps is { } max && Step >= max) || cancellationToken.IsCancellationRequested) { stopped = true; break; }
                using (torch.NewDisposeScope())
                {
                    using var index = torch.tensor(batches[b], dtype: ScalarType.Int64);
                    last = TrainStep(data.Images.index_select(0, index));
                }
                ImagesInEpoch += batches[b].Length;
                StepInEpoch++;
                EnsureFiniteLosses(last, latest);

                bool endOfEpoch = b == batches.Length - 1;
                if (Step % Options.LogEvery == 0 || endOfEpoch)
                {
                    double rate = (Step - windowStart) / Math.Max(window.Elapsed.TotalSeconds, 1e-9);
                    window.Restart();
                    windowStart = Step;
                    metrics?.Append(new MetricsRow(Step, Epoch + 1, last.DLoss, last.GLoss, last.DReal, last.DFake, rate, clock.Elapsed.TotalSeconds));
                    progress?.Report(new TrainingProgress(Epoch + 1, epochs, Step, stepsPerEpoch, last.DLoss, last.GLoss, last.DReal, last.DFake, rate, maxSteps));
                }
                if (endOfEpoch) break;
                if (layout is not null && Options.CheckpointEvery > 0 && Step % Options.CheckpointEvery == 0)
                {
                    EnsureFiniteWeights(latest);
                    latest = WriteCheckpoint(layout);
                    checkpointStep = Step;
                }
                TestPause.AfterStep(Step);
            }
            if (stopped) break;

            Epoch++;
            ImagesInEpoch = 0;
            StepInEpoch = 0;
            if (layout is not null) SaveRunState(layout.SampleGrid(Epoch));
            foreach (var observer in Observers.ToList()) observer.EpochEnded(new TrainingEpoch(Epoch, Step, root));
            TestPause.AfterStep(Step);
        }

        if (layout is not null && Step > firstStep && stateStep != Step)
            SaveRunState(layout.StepSampleGrid(Step));
        return new TrainingRun(layout?.Root, firstStep, Step, Epoch, last, clock.Elapsed.TotalSeconds, latest, picture);
    }

    /// <summary>The data's samples must be the discriminator's input (the runtime twin of GAN001), and there must be
    /// at least one batch per epoch.</summary>
    private void EnsureDataFits(ImageDataset data, int batchSize)
    {
        if (data.ImageShape != TDiscriminator.InputShape)
            throw new BatchShapeException(typeof(TDiscriminator).Name, TDiscriminator.InputShape, data.ImageShape.WithBatch(batchSize));
        if (data.Count == 0)
            throw new ArgumentException($"{data.Source} holds no samples", nameof(data));
        if (BatchPlan.BatchCount(data.Count, batchSize, Options.DropLastBatch) == 0)
            throw new ArgumentException(
                $"{data.Source} has {data.Count} samples: not one full batch of {batchSize}. Use a batch size of at most {data.Count}, " +
                "or set GanOptions.DropLastBatch = false to train on one partial batch", nameof(data));
    }

    /// <summary>Stops the run when a loss of the step just taken is NaN or infinite.</summary>
    private void EnsureFiniteLosses(StepResult result, string? lastGood)
    {
        if (FiniteChecks.Losses(result) is not { } found) return;
        var broken = BrokenWeights();
        throw new TrainingDivergedException(Step, found.Network,
            found.Problem + (broken.Length > 0 ? $"; non-finite weights in {broken}" : ""), lastGood);
    }

    /// <summary>Stops the run, before anything is written from them, when the weights hold a NaN or an infinity.</summary>
    private void EnsureFiniteWeights(string? lastGood)
    {
        var g = FiniteChecks.NonFiniteTensors(Generator);
        var d = FiniteChecks.NonFiniteTensors(Discriminator);
        if (g.Count == 0 && d.Count == 0) return;
        throw new TrainingDivergedException(Step, g.Count > 0 ? "generator" : "discriminator", $"non-finite weights in {BrokenWeights()}", lastGood);
    }

    private string BrokenWeights()
    {
        var parts = new System.Collections.Generic.List<string>();
        var g = FiniteChecks.NonFiniteTensors(Generator);
        if (g.Count > 0) parts.Add($"the generator {typeof(TGenerator).Name} ({string.Join(", ", g)})");
        var d = FiniteChecks.NonFiniteTensors(Discriminator);
        if (d.Count > 0) parts.Add($"the discriminator {typeof(TDiscriminator).Name} ({string.Join(", ", d)})");
        return string.Join(" and ", parts);
    }

    /// <summary>Writes a checkpoint, then moves the 'latest' pointer to it (both atomically), then prunes older
    /// checkpoints of this run.</summary>
    private string WriteCheckpoint(RunLayout layout)
    {
        var path = layout.Checkpoint(Step);
        Save(path);
        var temp = layout.LatestPointer + ".tmp";
        File.WriteAllText(temp, Path.GetFileName(path));
        File.Move(temp, layout.LatestPointer, overwrite: true);
        RunFolder.Prune(layout.Checkpoints, RunId, Step, OlderCheckpointsKept);
        return path;
    }
}
