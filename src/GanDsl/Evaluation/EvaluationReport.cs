using System.Collections.Generic;

namespace GanDsl.Evaluation;

/// <summary>Every metric for one set of images, each compared with the same reference set of equal size.</summary>
/// <param name="Name">"generated", or a reference point's key: "floor", "one-class", "mean-image", "gaussian-noise".</param>
/// <param name="Description">What the set is, in words.</param>
/// <param name="Count">Images in the set (and in the reference set it is compared with).</param>
public sealed record MetricSet(
    string Name,
    string Description,
    int Count,
    double Fid,
    double KidMean,
    double KidStd,
    double Precision,
    double Recall,
    double Density,
    double Coverage,
    int ClassesCovered,
    double LargestClassShare,
    double SmallestClassShare,
    double KlToUniform,
    long[] ClassCounts,
    ConditionalAccuracyResult? ConditionalAccuracy);

/// <summary>The model a report is about (absent when plain images were evaluated).</summary>
public sealed record EvaluatedModel(string Model, long Step, int Epoch, long TrainingSeed, long SamplingSeed, string? Checkpoint);

/// <summary>The feature classifier the numbers were measured with: numbers from different classifiers do not compare.</summary>
public sealed record ClassifierSummary(string Architecture, int FeatureWidth, string Sha256, double TestAccuracy, string Origin);

/// <summary>The real images compared against: which pool, and which of its images form each half.</summary>
public sealed record ReferenceSummary(string Source, int PoolCount, int Count, string ComparedWith, string FloorSet);

/// <summary>What eval.json holds: schema tag, what was measured with what, the generated set's metrics and the
/// reference points measured the same way (see README, "Evaluation").</summary>
public sealed record EvaluationReport(
    string Schema,
    string Created,
    EvaluatedModel? Model,
    ClassifierSummary Classifier,
    ReferenceSummary Reference,
    EvaluationSettings Settings,
    MetricSet Generated,
    IReadOnlyList<MetricSet> ReferencePoints,
    double Seconds)
{
    /// <summary>The schema tag written into eval.json; it changes only when a field changes meaning or goes away.</summary>
    public const string SchemaVersion = "gandsl-eval/1";
}
