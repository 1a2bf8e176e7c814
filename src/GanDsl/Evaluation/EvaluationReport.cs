using System.Collections.Generic;

namespace GanDsl.Evaluation;

/// <summary>Every metric for one set of images, each compared with the same reference set of equal size.</summary>
/// <param name="Name">"generated", or a reference point's key: "floor", "one-class", "mean-image", "gaussian-noise".</param>
/// <param name="Description">What the set is, in words.</param>
/// <param name="Count">Images in the set (and in the reference set it is compared with).</param>
/// <param name="Fid">Fréchet distance between the two sets' classifier features.</param>
/// <param name="KidMean">Kernel inception distance (unbiased MMD², cubic kernel), averaged over subsets.</param>
/// <param name="KidStd">Standard deviation of KID over those subsets.</param>
/// <param name="Precision">Share of the set inside the reference set's k-NN manifold (k = 3).</param>
/// <param name="Recall">Share of the reference set inside this set's k-NN manifold (k = 3).</param>
/// <param name="Density">Density (k = 5): how many reference neighbourhoods hold each sample, averaged and scaled.</param>
/// <param name="Coverage">Coverage (k = 5): share of reference neighbourhoods that hold at least one sample.</param>
/// <param name="ClassesCovered">Classes holding at least a tenth of a uniform share of the set (1 % for ten classes).</param>
/// <param name="LargestClassShare">The most frequent class's share of the set.</param>
/// <param name="SmallestClassShare">The least frequent class's share of the set.</param>
/// <param name="KlToUniform">KL divergence of the class histogram to uniform (0 = every class equally often).</param>
/// <param name="ClassCounts">Images per class under the classifier.</param>
/// <param name="ConditionalAccuracy">For conditional models: the classifier's agreement with the intended labels.</param>
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
