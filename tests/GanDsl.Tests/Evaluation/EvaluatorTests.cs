using System;
using System.IO;
using System.Linq;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Examples.Models;
using GanDsl.Tests.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>The evaluator with the shipped classifier on the shipped t10k images, at a small sample count.</summary>
[Collection(SerialCollection.Name)]   // checks that evaluating a GAN leaves TorchSharp's global generator alone
public sealed class EvaluatorTests : IClassFixture<EvaluatorTests.Shared>
{
    /// <summary>One evaluator (500 images per set) for all tests: building it classifies 1,000 reference images.</summary>
    public sealed class Shared : IDisposable
    {
        public Evaluator Evaluator { get; } = Evaluator.CreateDefault(new EvaluationSettings { SampleCount = 500, KidSubsets = 20, Seed = 4 }, ShippedData.FashionMnistFolder());

        public void Dispose() => Evaluator.Dispose();
    }

    private readonly Evaluator _evaluator;

    public EvaluatorTests(Shared shared) => _evaluator = shared.Evaluator;

    private static MetricSet Point(Evaluator e, string name) => e.ReferencePoints.Single(p => p.Name == name);

    [Fact]
    public void Bad_baselines_score_clearly_worse_than_the_real_floor()
    {
        var floor = Point(_evaluator, "floor");
        Assert.Equal(new[] { "floor", "one-class", "mean-image", "gaussian-noise" }, _evaluator.ReferencePoints.Select(p => p.Name));
        Assert.Same(_evaluator.Floor, floor);   // the floor alone is the same measurement, made once
        Assert.All(_evaluator.ReferencePoints, p => Assert.Equal(500, p.Count));
        Assert.Equal(250, _evaluator.Settings.KidSubsetSize);   // half the set: subsets that differ
        Assert.Equal(10, floor.ClassesCovered);
        Assert.True(floor.KlToUniform < 0.1, $"floor KL {floor.KlToUniform}");
        Assert.True(floor.Precision > 0.6 && floor.Recall > 0.6 && floor.Coverage > 0.6, $"floor {floor}");
        Assert.True(Math.Abs(floor.KidMean) < 3 * floor.KidStd + 1e-3 * Math.Abs(Point(_evaluator, "gaussian-noise").KidMean), $"floor KID {floor.KidMean} ± {floor.KidStd}");

        foreach (var bad in _evaluator.ReferencePoints.Skip(1))
        {
            Assert.True(bad.Fid > 5 * floor.Fid, $"{bad.Name}: FID {bad.Fid} vs floor {floor.Fid}");
            Assert.True(bad.KidMean > 10 * Math.Abs(floor.KidMean) + 3 * floor.KidStd, $"{bad.Name}: KID {bad.KidMean} vs floor {floor.KidMean}");
            Assert.True(bad.Recall < floor.Recall / 2, $"{bad.Name}: recall {bad.Recall} vs floor {floor.Recall}");
            Assert.True(bad.Coverage < floor.Coverage / 2, $"{bad.Name}: coverage {bad.Coverage} vs floor {floor.Coverage}");
            Assert.True(bad.ClassesCovered < 10 || bad.KlToUniform > 0.3, $"{bad.Name}: classes {bad.ClassesCovered}, KL {bad.KlToUniform}");
        }
        var oneClass = Point(_evaluator, "one-class");
        Assert.True(oneClass.Precision > 0.5, $"real sneakers are realistic: precision {oneClass.Precision}");
        Assert.True(oneClass.LargestClassShare > 0.8, $"one class: {oneClass.LargestClassShare}");
        Assert.Equal(1, Point(_evaluator, "mean-image").ClassesCovered);
    }

    [Fact]
    public void Evaluating_a_gan_is_seeded_restores_its_mode_and_leaves_the_global_generator_alone()
    {
        using var gan = new FashionMlpGan(new GanOptions { Seed = 2 });
        gan.Generator.train();
        torch.random.manual_seed(77);
        using var expected = torch.rand(3);
        torch.random.manual_seed(77);

        var first = _evaluator.Evaluate(gan, seed: 9);

        using var actual = torch.rand(3);
        Assert.True(expected.eq(actual).all().item<bool>(), "evaluation drew from TorchSharp's global generator");
        Assert.True(gan.Generator.training, "G's train mode was not restored");
        gan.Generator.eval();
        var second = _evaluator.Evaluate(gan, seed: 9);
        Assert.False(gan.Generator.training, "G's eval mode was not restored");
        Assert.Equal(first.Generated with { ClassCounts = [] }, second.Generated with { ClassCounts = [] });
        Assert.Equal(first.Generated.ClassCounts, second.Generated.ClassCounts);
        Assert.NotEqual(first.Generated.Fid, _evaluator.Evaluate(gan, seed: 10).Generated.Fid);

        Assert.Equal(new EvaluatedModel(nameof(FashionMlpGan), 0, 0, 2, 9, null), first.Model);
        // An untrained generator is far from the data.
        Assert.True(first.Generated.Fid > 5 * Point(_evaluator, "floor").Fid);
    }

    [Fact]
    public void Sets_of_the_wrong_size_shape_or_values_are_refused()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Contains("sets of 500", Assert.Throws<ArgumentException>(() => _evaluator.Measure(torch.zeros(499, 1, 28, 28))).Message);
        Assert.Contains("(500, 3, 28, 28)", Assert.Throws<ArgumentException>(() => _evaluator.Measure(torch.zeros(500, 3, 28, 28))).Message);
        var nan = torch.zeros(500, 1, 28, 28);
        nan[3, 0, 1, 1] = torch.tensor(float.NaN);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => _evaluator.Measure(nan)).Message);
        using var cifar = new GanDsl.Examples.Models.CifarDcgan(new GanOptions { Seed = 1 });
        Assert.Contains("CifarDcgan makes (3, 32, 32) images", Assert.Throws<ArgumentException>(() => _evaluator.Evaluate(cifar)).Message);
        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        using var small = t10k.Take(999);
        using var classifier = FashionClassifier.LoadShipped();
        Assert.Contains("needs 1000", Assert.Throws<ArgumentException>(() => new Evaluator(classifier, small, new EvaluationSettings { SampleCount = 500 })).Message);
    }

    [Fact]
    public void Conditional_accuracy_plugs_in_with_intended_labels()
    {
        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        using var scope = torch.NewDisposeScope();
        // Real images "drawn for" their true labels: the classifier's accuracy on them.
        var images = t10k.Images.narrow(0, 5000, 500);
        var labels = t10k.Labels!.narrow(0, 5000, 500);
        var measured = _evaluator.Measure(images, labels);
        Assert.NotNull(measured.ConditionalAccuracy);
        Assert.Equal(_evaluator.Classifier.Accuracy(images, labels), measured.ConditionalAccuracy!.Accuracy, 12);
        Assert.Null(_evaluator.Measure(images).ConditionalAccuracy);
    }

    [Fact]
    public void The_report_round_trips_through_eval_json()
    {
        using var scope = torch.NewDisposeScope();
        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        var report = _evaluator.Evaluate(t10k.Images.narrow(0, 6000, 500));
        var path = Path.Combine(Path.GetTempPath(), $"gandsl-eval-{Guid.NewGuid():N}.json");
        try
        {
            EvaluationJson.Save(report, path);
            string json = File.ReadAllText(path);
            Assert.Contains("\"schema\": \"gandsl-eval/1\"", json);
            Assert.Contains("\"referencePoints\": [", json);
            var loaded = EvaluationJson.Load(path);
            Assert.Equal(report.Generated with { ClassCounts = [] }, loaded.Generated with { ClassCounts = [] });
            Assert.Equal(report.Generated.ClassCounts, loaded.Generated.ClassCounts);
            Assert.Equal(report.Reference, loaded.Reference);
            Assert.Equal(report.Settings, loaded.Settings);
            Assert.Equal(report.Classifier, loaded.Classifier);
            Assert.Equal(report.ReferencePoints.Select(p => p.Fid), loaded.ReferencePoints.Select(p => p.Fid));
            File.WriteAllText(path, "{\"schema\": \"something-else\"}");
            Assert.Throws<InvalidDataException>(() => EvaluationJson.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Contains("reference points", EvaluationTable.Format(report));
    }
}
