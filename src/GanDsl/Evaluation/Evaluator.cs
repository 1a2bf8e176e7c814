using System;
using System.Collections.Generic;
using System.Diagnostics;
using GanDsl.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Measures sets of 28x28 grayscale images against real Fashion-MNIST images in the classifier's feature space.
/// The reference pool (by default the 10,000 t10k images) is split into two disjoint halves by index: the
/// even-indexed images are what every set is compared with, the odd-indexed ones are the floor (real vs real).
/// Both hold <see cref="EvaluationSettings.SampleCount"/> images, as does every set measured, so all numbers are at
/// one sample count. The reference half's features, statistics and k-NN radii are computed once, so a training
/// loop can call <see cref="Measure(Tensor, Tensor?)"/> every few epochs for the cost of the new images only.
/// </summary>
public sealed class Evaluator : IDisposable
{
    private readonly FashionClassifier _classifier;
    private readonly bool _ownsClassifier;
    private readonly Tensor _floorImages;
    private readonly Tensor _floorClasses;
    private readonly Tensor _features;
    private readonly Tensor _mean;
    private readonly Tensor _covariance;
    private readonly Tensor _precisionRecallRadii;
    private readonly Tensor _densityCoverageRadii;
    private readonly Kid.SubsetPlan _kidPlan;
    private readonly Tensor _kidWithinReference;
    private IReadOnlyList<MetricSet>? _referencePoints;
    private MetricSet? _floor;
    private bool _disposed;

    /// <param name="classifier">The feature classifier (e.g. <see cref="FashionClassifier.LoadShipped"/>).</param>
    /// <param name="referencePool">Real (N, 1, 28, 28) images, at least twice <see cref="EvaluationSettings.SampleCount"/>.</param>
    /// <param name="settings">Sample counts, KID subsets, k for the manifolds and seeds (defaults when null).</param>
    /// <param name="ownsClassifier">Dispose the classifier with this evaluator.</param>
    public Evaluator(FashionClassifier classifier, ImageDataset referencePool, EvaluationSettings? settings = null, bool ownsClassifier = false)
    {
        settings ??= new EvaluationSettings();
        int n = settings.SampleCount;
        // KID subsets of at most half the set, so that they differ and their spread means something.
        Settings = settings with { KidSubsetSize = Math.Min(settings.KidSubsetSize, Math.Max(2, n / 2)) };
        int minimum = Math.Max(Math.Max(Settings.PrecisionRecallK, Settings.DensityCoverageK) + 1, 2);
        if (n < minimum) throw new ArgumentOutOfRangeException(nameof(settings), n, $"SampleCount must be at least {minimum}");
        if (referencePool.Count < 2L * n)
            throw new ArgumentException(
                $"{referencePool.Source} has {referencePool.Count} images; comparing {n} images needs {2L * n} (two disjoint halves of {n}). Lower the sample count to at most {referencePool.Count / 2}.",
                nameof(referencePool));
        FashionClassifier.EnsureImages(referencePool.Images);
        _classifier = classifier;
        _ownsClassifier = ownsClassifier;

        using var scope = torch.NewDisposeScope();
        using var zero = 0L.ToScalar();
        using var one = 1L.ToScalar();
        using var end = (2L * n).ToScalar();
        using var two = 2L.ToScalar();
        var compared = torch.arange(zero, end, two, dtype: ScalarType.Int64);
        var floor = torch.arange(one, end, two, dtype: ScalarType.Int64);
        var (features, _) = classifier.FeaturesAndPredictions(referencePool.Images.index_select(0, compared));
        _features = FeatureChecks.AsFloat64(features, "reference features");
        (_mean, _covariance) = Fid.Statistics(_features);
        var radii = NearestNeighbours.KthNeighbourRadii(_features, Settings.PrecisionRecallK, Settings.DensityCoverageK);
        (_precisionRecallRadii, _densityCoverageRadii) = (radii[0], radii[1]);
        _kidPlan = Kid.Plan(n, n, Settings.KidSubsets, Settings.KidSubsetSize, Settings.Seed);
        _kidWithinReference = Kid.WithinSubsets(_features, _kidPlan.First);
        _floorImages = referencePool.Images.index_select(0, floor);
        _floorClasses = referencePool.Labels?.index_select(0, floor) ?? classifier.Predict(_floorImages);
        foreach (var t in OwnTensors) t.DetachFromDisposeScope();

        Reference = new ReferenceSummary(referencePool.Source, referencePool.Count, n,
            ComparedWith: Invariant($"the {n:N0} even-indexed images 0, 2, ..., {2 * n - 2}"),
            FloorSet: Invariant($"the {n:N0} odd-indexed images 1, 3, ..., {2 * n - 1}"));
    }

    /// <summary>The shipped classifier and the Fashion-MNIST t10k split (from <paramref name="dataFolder"/>, else the
    /// shipped subset or the Debian package's copy, see <see cref="FashionMnist.Load"/>).</summary>
    public static Evaluator CreateDefault(EvaluationSettings? settings = null, string? dataFolder = null)
    {
        var classifier = FashionClassifier.LoadShipped();
        try
        {
            using var pool = FashionMnist.Load(dataFolder, train: false);
            if (!pool.Source.Contains("t10k", StringComparison.Ordinal))
                throw new ArgumentException($"{pool.Source} is not the t10k split; evaluation compares with the 10,000 test images");
            return new Evaluator(classifier, pool, settings, ownsClassifier: true);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    public EvaluationSettings Settings { get; }
    public ReferenceSummary Reference { get; }
    public FashionClassifier Classifier => _classifier;

    public ClassifierSummary ClassifierSummary =>
        new(_classifier.Info.Architecture, _classifier.FeatureWidth, _classifier.Sha256, _classifier.Info.TestAccuracy, _classifier.Origin);

    /// <summary>Metrics of <see cref="EvaluationSettings.SampleCount"/> images (N, 1, 28, 28) in [-1, 1] against the
    /// reference half. <paramref name="intendedLabels"/>: for a class-conditional model, the (N) labels the images
    /// were drawn for (adds conditional accuracy).</summary>
    public MetricSet Measure(Tensor images, Tensor? intendedLabels = null) =>
        Measure("generated", "generated images", images, intendedLabels);

    /// <summary>The reference points, measured like any other set (computed on first use, then kept): the floor
    /// (real vs real) and three bad generators, for reading every other number against.</summary>
    public IReadOnlyList<MetricSet> ReferencePoints => _referencePoints ??= MeasureReferencePoints();

    /// <summary>The floor alone (real vs real), the first of <see cref="ReferencePoints"/>: measured once, without the
    /// bad baselines, for callers that only need the floor (the FID plot during training).</summary>
    public MetricSet Floor => _floor ??= MeasureFloor();

    private MetricSet MeasureFloor()
    {
        using var scope = torch.NewDisposeScope();
        return Measure("floor", "real images: the disjoint floor half (the best a generator can score at this count)", _floorImages, null);
    }

    /// <summary>A full report: the images' metrics beside the reference points.</summary>
    public EvaluationReport Evaluate(Tensor images, Tensor? intendedLabels = null, EvaluatedModel? model = null)
    {
        var clock = Stopwatch.StartNew();
        var generated = Measure(images, intendedLabels);
        return new EvaluationReport(EvaluationReport.SchemaVersion, DateTime.UtcNow.ToString("O"), model, ClassifierSummary, Reference,
            Settings, generated, ReferencePoints, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Samples <see cref="EvaluationSettings.SampleCount"/> images from the GAN (its own noise generator
    /// seeded with <paramref name="seed"/>, default <see cref="EvaluationSettings.Seed"/>; G in eval mode, its mode
    /// restored; TorchSharp's global generator untouched) and evaluates them. A conditional pair's images are drawn
    /// for the classes in turn, and the report adds the classifier's accuracy on them per class.</summary>
    public EvaluationReport Evaluate<TG, TD>(GanModel<TG, TD> gan, long? seed = null)
        where TG : nn.Module, IGanNetwork
        where TD : nn.Module, IGanNetwork
    {
        var clock = Stopwatch.StartNew();
        EnsureFashionShaped(gan.Definition.Name, TG.OutputShape);
        long samplingSeed = seed ?? Settings.Seed;
        using var scope = torch.NewDisposeScope();
        var images = gan.SampleForEvaluation(Settings.SampleCount, samplingSeed, Settings.SamplingBatch);
        var intended = GanSampling.EvaluationLabels(Settings.SampleCount, gan.Classes);
        var model = new EvaluatedModel(gan.Definition.Name, gan.Step, gan.Epoch, gan.Options.Seed, samplingSeed, Checkpoint: null);
        return Evaluate(images, intended, model) with { Seconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>The classifier's eye sees (1, 28, 28) grayscale only; anything else is refused with the model's name.</summary>
    public static void EnsureFashionShaped(string model, TensorShape imageShape)
    {
        if (imageShape != new TensorShape(1, 28, 28))
            throw new ArgumentException($"{model} makes {imageShape} images, but evaluation measures Fashion-MNIST-like (1, 28, 28) images");
    }

    private MetricSet Measure(string name, string description, Tensor images, Tensor? intendedLabels)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        FashionClassifier.EnsureImages(images);
        if (images.shape[0] != Settings.SampleCount)
            throw new ArgumentException($"got {images.shape[0]} images; this evaluator compares sets of {Settings.SampleCount} (equal counts on both sides)", nameof(images));
        using var scope = torch.NewDisposeScope();
        var cpuImages = images.detach().cpu();
        if (!cpuImages.isfinite().all().item<bool>())
            throw new ArgumentException("the images contain NaN or infinite values", nameof(images));
        var (features, predictions) = _classifier.FeaturesAndPredictions(cpuImages);
        return MeasureFeatures(name, description, features, predictions, intendedLabels);
    }

    private MetricSet MeasureFeatures(string name, string description, Tensor features, Tensor predictions, Tensor? intendedLabels)
    {
        using var scope = torch.NewDisposeScope();
        var g = FeatureChecks.AsFloat64(features, "features");
        var (mean, covariance) = Fid.Statistics(g);
        double fid = Fid.FromStatistics(_mean, _covariance, mean, covariance);
        var kid = Kid.Compute(_features, g, _kidPlan, _kidWithinReference);
        var (prResult, dcResult) = ManifoldMetrics.Measure(_features, g, _precisionRecallRadii, Settings.PrecisionRecallK, _densityCoverageRadii, Settings.DensityCoverageK);
        var (pr, dc) = (prResult!.Value, dcResult!.Value);
        var histogram = ClassHistogram.FromPredictions(predictions);
        var conditional = intendedLabels is null ? null : ConditionalAccuracy.Compute(predictions, intendedLabels);
        return new MetricSet(name, description, (int)g.shape[0], fid, kid.Mean, kid.StandardDeviation, pr.Precision, pr.Recall,
            dc.Density, dc.Coverage, histogram.ClassesCovered, histogram.LargestShare, histogram.SmallestShare, histogram.KlToUniform,
            histogram.Counts, conditional);
    }

    private IReadOnlyList<MetricSet> MeasureReferencePoints()
    {
        using var scope = torch.NewDisposeScope();
        var points = new List<MetricSet> { Floor };
        foreach (var set in ReferenceImages.BadGenerators(_floorImages, _floorClasses, Settings.SampleCount, Settings.Seed))
        {
            // Repeated images are classified once; their features are repeated instead.
            var (features, predictions) = _classifier.FeaturesAndPredictions(set.Distinct);
            if (set.Repeats is { } repeats)
                (features, predictions) = (features.index_select(0, repeats), predictions.index_select(0, repeats));
            points.Add(MeasureFeatures(set.Name, set.Description, features, predictions, null));
        }
        return points;
    }

    private static string Invariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Tensor[] OwnTensors => new[]
    {
        _features, _mean, _covariance, _precisionRecallRadii, _densityCoverageRadii, _kidPlan.First, _kidPlan.Second, _kidWithinReference,
        _floorImages, _floorClasses,
    };

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var t in OwnTensors) t.Dispose();
        if (_ownsClassifier) _classifier.Dispose();
    }
}
