namespace GanDsl;

/// <summary>What a checkpoint records besides weights and optimizer state. Randomness is derived from
/// (Seed, Step), so Seed and Step are the whole RNG state needed to continue a run exactly.</summary>
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
    string? Discriminator = null);
