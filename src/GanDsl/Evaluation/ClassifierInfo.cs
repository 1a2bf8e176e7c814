namespace GanDsl.Evaluation;

/// <summary>What a classifier weights file says about the network in it: its layout and how it was trained.
/// Nothing time- or machine-dependent is recorded, so retraining with the same seed on the same machine gives
/// the same bytes (and the same SHA-256).</summary>
public sealed record ClassifierInfo(
    string Architecture,
    int FeatureWidth,
    int ClassCount,
    long Seed,
    int Epochs,
    int BatchSize,
    int TrainImages,
    int TestImages,
    int TestCorrect)
{
    /// <summary>Share of the test images classified correctly when the weights were saved.</summary>
    public double TestAccuracy => TestImages == 0 ? 0 : (double)TestCorrect / TestImages;
}
