using System.Collections.Generic;

namespace GanDsl;

/// <summary>Scalars from one training step of an adversarial objective (copied out of tensors before the step's
/// dispose scope ends). DReal and DFake are D's mean output on the real and generated batch: probabilities under the
/// cross-entropy losses, raw scores under the others (see <see cref="Metrics"/> for every column of the step).</summary>
public readonly record struct StepResult(double DLoss, double GLoss, double DReal, double DFake)
{
    /// <summary>Every metric of the step with its column (null for a default value).</summary>
    public StepMetrics? Metrics { get; init; }

    /// <summary>The adversarial columns of <paramref name="metrics"/> (NaN where the objective has no such column).</summary>
    public static StepResult From(StepMetrics metrics) => new(
        metrics["d_loss"],
        metrics["g_loss"],
        First(metrics, "d_real", "critic_real"),
        First(metrics, "d_fake", "critic_fake")) { Metrics = metrics };

    private static double First(StepMetrics metrics, string a, string b)
    {
        double value = metrics[a];
        return double.IsNaN(value) ? metrics[b] : value;
    }
}

/// <summary>Reported every Options.LogEvery steps and at the end of each epoch. DLoss, GLoss, DReal and DFake as in
/// <see cref="StepResult"/>; <see cref="Metrics"/> holds every column the objective logs.</summary>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    long Step,
    long StepsPerEpoch,
    double DLoss,
    double GLoss,
    double DReal,
    double DFake,
    double StepsPerSecond,
    long? MaxSteps = null)
{
    public StepMetrics? Metrics { get; init; }
}

/// <summary>What a Fit call did and where it left its files.</summary>
public sealed record TrainingRun(
    string? OutputDirectory,
    long FirstStep,
    long LastStep,
    int EpochsCompleted,
    StepResult LastStepResult,
    double Seconds,
    string? LatestCheckpoint,
    string? SamplePicture = null);
