using System;
using System.Threading;
using GanDsl.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

public abstract partial class GanModel<TGenerator, TDiscriminator>
{
    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs in total (a resumed run counts the epochs already done).
    /// With an output folder, writes a sample picture per epoch (samples/epoch-NNN.png, from one fixed noise batch),
    /// metrics.csv (the objective's columns), loss.png and checkpoints (checkpoints/step-*.ckpt plus a 'latest'
    /// pointer); a run that stops early (<paramref name="maxSteps"/> or cancellation) writes samples/step-NNNNNNNNN.png
    /// and a checkpoint where it stopped. The folder must be empty of run files or hold this very run at this model's
    /// step (<see cref="RunFolderInUseException"/> otherwise, before anything is written).
    /// <paramref name="resumeFrom"/>: a run folder or checkpoint to continue from (any batch size; mid-epoch, the rest
    /// of the epoch is the images not yet seen); <paramref name="maxSteps"/>: stop once the step counter reaches it.
    /// A step draws DiscriminatorSteps batches (one per D update); such a step may end one epoch and go on into the
    /// next, and the epoch's picture and checkpoint follow that step.
    /// A NaN or infinite metric or weight stops the run with <see cref="TrainingDivergedException"/>.
    /// </summary>
    public TrainingRun Fit(
        ImageDataset data,
        int epochs,
        int batchSize,
        string? output = null,
        IProgress<TrainingProgress>? progress = null,
        long? maxSteps = null,
        string? resumeFrom = null,
        CancellationToken cancellationToken = default) =>
        TrainingLoop.Run(this, data, epochs, batchSize, output, progress, maxSteps, resumeFrom, cancellationToken);

    /// <summary>Fit on a plain tensor of samples: (N, features) vectors, such as 2-D points, or (N, C, H, W)
    /// images (copied into an <see cref="ImageDataset"/> for the run).</summary>
    public TrainingRun Fit(
        Tensor samples,
        int epochs,
        int batchSize,
        string? output = null,
        IProgress<TrainingProgress>? progress = null,
        long? maxSteps = null,
        string? resumeFrom = null,
        CancellationToken cancellationToken = default)
    {
        using var data = ImageDataset.FromTensor(samples, null, $"a tensor of {samples.shape[0]} samples");
        return Fit(data, epochs, batchSize, output, progress, maxSteps, resumeFrom, cancellationToken);
    }
}
