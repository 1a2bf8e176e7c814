namespace GanDsl;

/// <summary>What a checkpoint records besides weights and optimizer state. Randomness is derived from
/// (Seed, Step), so Seed and Step are the whole RNG state needed to continue a run exactly. <see cref="Objective"/>
/// names the training objective and <see cref="OptimizerKinds"/> maps each optimizer section to its kind ("Adam",
/// "RMSprop"); both are null in checkpoints of format version 1, whose optimizers are all Adam.</summary>
public sealed record CheckpointMetadata(
    string Model,
    int LatentDim,
    long[] ImageShape,
    long Step,
    int Epoch,
    long StepInEpoch,
    long Seed,
    GanDefinition Definition,
    GanOptions Options,
    string Created,
    string? RunId = null,
    int? BatchSize = null,
    long? ImagesInEpoch = null,
    string? Generator = null,
    string? Discriminator = null,
    string? Objective = null,
    System.Collections.Generic.Dictionary<string, string>? OptimizerKinds = null);
