namespace GanDsl;

/// <summary>What a [Gan] class declares, as the generator wrote it down: sizes and training options.</summary>
public sealed record GanDefinition(
    string Name,
    int LatentDim,
    TensorShape ImageShape,
    GanLoss Loss,
    double LearningRate,
    double Beta1,
    double Beta2,
    bool DcganInit);
