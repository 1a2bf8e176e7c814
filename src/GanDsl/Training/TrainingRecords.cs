namespace GanDsl;

/// <summary>Scalars from one training step (copied out of tensors before the step's dispose scope ends).
/// DReal and DFake are the mean discriminator probabilities on the real and generated batch.</summary>
public readonly record struct StepResult(double DLoss, double GLoss, double DReal, double DFake);

/// <summary>Reported every Options.LogEvery steps and at the end of each epoch.</summary>
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
    long? MaxSteps = null);

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
