using System;

namespace GanDsl;

/// <summary>Training produced a NaN or infinite loss or weight. The run stopped at that step and wrote nothing of
/// the broken weights; <see cref="LastGoodCheckpoint"/> (still the run folder's 'latest') is where to resume.</summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(long step, string network, string problem, string? lastGoodCheckpoint)
        : base($"Training diverged at step {step}: {problem}. Nothing from this step was saved; " +
               (lastGoodCheckpoint is null ? "no checkpoint was written before it. " : $"the last good checkpoint is '{lastGoodCheckpoint}'. ") +
               "Try a lower learning rate, check the data for NaN or infinite values, or resume from that checkpoint with other settings.")
    {
        Step = step;
        Network = network;
        Problem = problem;
        LastGoodCheckpoint = lastGoodCheckpoint;
    }

    /// <summary>The step whose result was not finite.</summary>
    public long Step { get; }

    /// <summary>"generator" or "discriminator": whose loss or weights were found non-finite first.</summary>
    public string Network { get; }

    /// <summary>What was not finite, in words.</summary>
    public string Problem { get; }

    /// <summary>The newest checkpoint written before the divergence, or null.</summary>
    public string? LastGoodCheckpoint { get; }
}
