using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>How often the classifier sees the class a conditional model was asked for: overall, and per
/// intended label (NaN for a label with no samples).</summary>
public sealed record ConditionalAccuracyResult(double Accuracy, double[] PerClass, long[] SamplesPerClass);

/// <summary>
/// For class-conditional models: draw samples for known labels, classify them, and count agreement.
/// (An unconditional model has nothing to report here; <see cref="Evaluator.Evaluate(Tensor, Tensor?, EvaluatedModel?)"/>
/// takes the intended labels when a model has them.)
/// </summary>
public static class ConditionalAccuracy
{
    /// <summary>Pure: (N) predicted labels against (N) intended labels.</summary>
    public static ConditionalAccuracyResult Compute(Tensor predictions, Tensor intendedLabels, int classCount = FashionClassifierNetwork.ClassCount)
    {
        if (predictions.dim() != 1 || intendedLabels.dim() != 1 || predictions.shape[0] != intendedLabels.shape[0])
            throw new ArgumentException($"predictions ({string.Join(", ", predictions.shape)}) and intended labels ({string.Join(", ", intendedLabels.shape)}) must both be (N)");
        if (predictions.shape[0] == 0) throw new ArgumentException("no samples", nameof(predictions));
        using var scope = torch.NewDisposeScope();
        var predicted = predictions.to(torch.CPU).to_type(ScalarType.Int64);
        var intended = intendedLabels.to(torch.CPU).to_type(ScalarType.Int64);
        if (intended.min().item<long>() < 0 || intended.max().item<long>() >= classCount)
            throw new ArgumentException($"intended labels must lie in 0..{classCount - 1}", nameof(intendedLabels));
        var hit = predicted.eq(intended).to_type(ScalarType.Int64);
        var perClassHits = torch.bincount(intended, hit.to_type(ScalarType.Float64), minlength: classCount).data<double>().ToArray();
        var perClassCount = torch.bincount(intended, minlength: classCount).data<long>().ToArray();
        var perClass = perClassHits.Select((h, c) => perClassCount[c] == 0 ? double.NaN : h / perClassCount[c]).ToArray();
        return new ConditionalAccuracyResult(hit.sum().item<long>() / (double)predictions.shape[0], perClass, perClassCount);
    }

    /// <summary>Classifies (N, 1, 28, 28) images and compares with the (N) labels they were drawn for.</summary>
    public static ConditionalAccuracyResult Compute(FashionClassifier classifier, Tensor images, Tensor intendedLabels)
    {
        using var scope = torch.NewDisposeScope();
        return Compute(classifier.Predict(images), intendedLabels);
    }
}
