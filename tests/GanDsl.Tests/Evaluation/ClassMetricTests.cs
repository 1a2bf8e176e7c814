using System;
using System.Linq;
using GanDsl.Evaluation;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>The class histogram (mode collapse) and conditional accuracy, from predicted labels.</summary>
public class ClassMetricTests
{
    private static Tensor Labels(params long[] v) => torch.tensor(v, dtype: ScalarType.Int64);

    [Fact]
    public void Histogram_counts_covered_classes_shares_and_kl_to_uniform()
    {
        using var scope = torch.NewDisposeScope();
        var uniform = ClassHistogram.FromPredictions(Labels(Enumerable.Range(0, 1000).Select(i => (long)(i % 10)).ToArray()));
        Assert.Equal(10, uniform.ClassesCovered);
        Assert.Equal(0.0, uniform.KlToUniform, 12);
        Assert.Equal(0.1, uniform.LargestShare, 12);

        var collapsed = ClassHistogram.FromPredictions(Labels(Enumerable.Repeat(3L, 500).ToArray()));
        Assert.Equal(1, collapsed.ClassesCovered);
        Assert.Equal(Math.Log(10), collapsed.KlToUniform, 12);
        Assert.Equal(new long[] { 0, 0, 0, 500, 0, 0, 0, 0, 0, 0 }, collapsed.Counts);

        // 995 samples of class 0, 5 of class 1: class 1 has 0.5 %, under a tenth of its uniform 10 %, so not covered.
        var stray = ClassHistogram.FromPredictions(Labels(Enumerable.Repeat(0L, 995).Concat(Enumerable.Repeat(1L, 5)).ToArray()));
        Assert.Equal(1, stray.ClassesCovered);
        Assert.Equal(0.0, stray.SmallestShare);
        Assert.Equal(0.995 * Math.Log(9.95) + 0.005 * Math.Log(0.05), stray.KlToUniform, 12);

        Assert.Throws<ArgumentException>(() => ClassHistogram.FromPredictions(Labels(0, 10)));
    }

    [Fact]
    public void Conditional_accuracy_per_intended_label()
    {
        using var scope = torch.NewDisposeScope();
        var predicted = Labels(0, 0, 1, 2, 2, 2);
        var intended = Labels(0, 1, 1, 2, 2, 0);
        var result = ConditionalAccuracy.Compute(predicted, intended);
        Assert.Equal(4.0 / 6, result.Accuracy, 12);
        Assert.Equal(0.5, result.PerClass[0], 12);
        Assert.Equal(0.5, result.PerClass[1], 12);
        Assert.Equal(1.0, result.PerClass[2], 12);
        Assert.True(double.IsNaN(result.PerClass[3]));
        Assert.Equal(new long[] { 2, 2, 2, 0, 0, 0, 0, 0, 0, 0 }, result.SamplesPerClass);
        Assert.Throws<ArgumentException>(() => ConditionalAccuracy.Compute(predicted, Labels(0, 1)));
    }
}
