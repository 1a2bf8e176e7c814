using System.Collections.Generic;
using GanDsl.Data;

namespace GanDsl;

/// <summary>
/// What a training run optimises, and how one step of it is taken. The fit loop (batches and epochs, resume,
/// checkpoints, metrics.csv and loss.png, pictures, progress, divergence checks) knows nothing else about the model:
/// it checkpoints the networks, optimizers and extra state named here as sections, logs the metric columns named
/// here, and calls <see cref="Step"/> with a source of real batches that it owns. The adversarial objective of a
/// [Gan] (<see cref="AdversarialObjective"/>) is the first; image-to-image objectives implement the same contract.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>In words, for messages and checkpoints ("adversarial, Hinge loss").</summary>
    string Name { get; }

    /// <summary>Every network the objective holds (trained or not, such as a moving average): checkpoint sections,
    /// device moves and the divergence checks go over these.</summary>
    IReadOnlyList<ObjectiveNetwork> Networks { get; }

    /// <summary>Every optimizer, each a checkpoint section.</summary>
    IReadOnlyList<ObjectiveOptimizer> Optimizers { get; }

    /// <summary>State that is neither a network nor an optimizer, each a checkpoint section (empty for most).</summary>
    IReadOnlyList<ObjectiveState> ExtraState { get; }

    /// <summary>The columns <see cref="Step"/> returns, in order: metrics.csv's header and loss.png's panels.</summary>
    IReadOnlyList<MetricColumn> Metrics { get; }

    /// <summary>The last fraction of a run's step budget over which every optimizer's learning rate falls linearly
    /// towards 0 (<see cref="LearningRateSchedule"/>); 0: the rates stay as the optimizers were made.</summary>
    double LearningRateDecay => 0;

    /// <summary>Real batches one step draws (the adversarial objective: one per discriminator update).</summary>
    int BatchesPerStep { get; }

    /// <summary>Throws a clear exception (naming both shapes) when samples of <paramref name="sampleShape"/>, in
    /// batches of <paramref name="batchSize"/>, cannot be trained on.</summary>
    void CheckSamples(TensorShape sampleShape, int batchSize);

    /// <summary>Throws a clear exception when the data's labels (null: it has none) do not fit the objective: a
    /// class-conditional objective needs one label in [0, Classes) per sample; the others ignore labels.</summary>
    void CheckLabels(TorchSharp.torch.Tensor? labels, string source);

    /// <summary>One training step: draws <see cref="BatchesPerStep"/> batches from <paramref name="real"/> and
    /// updates the networks. Randomness comes from TorchSharp's global generator, which the caller seeds from the
    /// run's seed and the step number before the call (so a resumed run draws the same). Returns the values of
    /// <see cref="Metrics"/>, read back as numbers.</summary>
    double[] Step(IRealBatches real);

    /// <summary>Writes the sample picture of the current weights to <paramref name="path"/> (the data is there for
    /// pictures that show real samples too); returns the path, or null when no picture fits the output.</summary>
    string? SavePicture(string path, ImageDataset data);
}

/// <summary>Real training batches, drawn in the order the run's batch plan gives (epoch after epoch).</summary>
public interface IRealBatches
{
    /// <summary>The next batch of real samples (B, ...) and their labels on the CPU; owned by the caller's dispose scope.</summary>
    RealBatch Next();
}

/// <summary>Real samples (B, ...) and their int64 (B) class labels, or null labels when the data has none.</summary>
public readonly record struct RealBatch(TorchSharp.torch.Tensor Samples, TorchSharp.torch.Tensor? Labels);
