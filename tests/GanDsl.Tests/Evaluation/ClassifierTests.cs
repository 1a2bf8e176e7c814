using System;
using System.Globalization;
using System.IO;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Tests.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>The shipped feature classifier: its pinned hash, its stated accuracy, and refusal of damaged weights.</summary>
[Collection(SerialCollection.Name)]   // one test checks TorchSharp's global generator is left alone
public sealed class ClassifierTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-classifier-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Shipped_weights_have_the_pinned_sha_and_the_test_accuracy_the_readme_states()
    {
        using var classifier = FashionClassifier.LoadShipped();
        Assert.Equal(FashionClassifier.ShippedSha256, classifier.Sha256);
        Assert.Equal(FashionClassifier.ShippedTestCorrect, classifier.Info.TestCorrect);
        Assert.Equal(10_000, classifier.Info.TestImages);

        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        Assert.Equal(10_000, t10k.Count);
        long correct = classifier.CountCorrect(t10k.Images, t10k.Labels!);
        Assert.Equal(FashionClassifier.ShippedTestCorrect, correct);

        string readme = RepositoryFiles.Readme();
        string percent = (FashionClassifier.ShippedTestCorrect / 100.0).ToString("F2", CultureInfo.InvariantCulture) + " %";
        Assert.Contains($"t10k accuracy {percent} ({FashionClassifier.ShippedTestCorrect.ToString("N0", CultureInfo.InvariantCulture)} of 10,000)", readme);
        Assert.Contains(FashionClassifier.ShippedSha256, readme);
    }

    [Fact]
    public void Features_are_the_penultimate_width_and_predictions_are_classes()
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = FashionClassifier.LoadShipped();
        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        var images = t10k.Images.narrow(0, 0, 1500);   // more than one inference batch
        var features = classifier.Features(images);
        Assert.Equal(new long[] { 1500, FashionClassifierNetwork.FeatureWidth }, features.shape);
        Assert.True(features.ge(0).all().item<bool>(), "features come after a ReLU");
        var (again, predictions) = classifier.FeaturesAndPredictions(images);
        Assert.True(features.eq(again).all().item<bool>());
        Assert.True(predictions.eq(classifier.Predict(images)).all().item<bool>());
        Assert.True(predictions.ge(0).logical_and(predictions.lt(10)).all().item<bool>());

        var error = Assert.Throws<ArgumentException>(() => classifier.Features(torch.zeros(2, 3, 32, 32)));
        Assert.Contains("(2, 3, 32, 32)", error.Message);
    }

    [Fact]
    public void Damaged_weights_files_are_refused_with_a_clear_error()
    {
        using var classifier = FashionClassifier.LoadShipped();
        var good = Path.Combine(_folder, "good.weights");
        Assert.Equal(FashionClassifier.ShippedSha256, classifier.Save(good));
        using (var reloaded = FashionClassifier.Load(good, FashionClassifier.ShippedSha256))
            Assert.Equal(classifier.Info, reloaded.Info);
        byte[] bytes = File.ReadAllBytes(good);
        Assert.True(bytes.Length < 5_000_000, $"weights should be well under 5 MB, are {bytes.Length:N0} bytes");

        string Refusal(string name, byte[] content, string? expected = null)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, content);
            var e = Assert.Throws<ClassifierWeightsException>(() => FashionClassifier.Load(path, expected));
            Assert.Equal(path, e.Origin);
            return e.Message;
        }

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;   // a bit flipped deep inside the weights
        Assert.Contains("checksum does not match", Refusal("flipped.weights", flipped));
        Assert.Contains("SHA-256", Refusal("flipped-pinned.weights", flipped, FashionClassifier.ShippedSha256));
        Assert.Contains("checksum does not match", Refusal("truncated.weights", bytes.AsSpan(0, bytes.Length - 1000).ToArray()));
        Assert.Contains("truncated", Refusal("tiny.weights", bytes.AsSpan(0, 10).ToArray()));
        Assert.Contains("wrong magic", Refusal("checkpoint.weights", "GANDSLCK-not-a-classifier-file-at-all-000000000000"u8.ToArray()));
        Assert.Contains("does not exist", Assert.Throws<ClassifierWeightsException>(() => FashionClassifier.Load(Path.Combine(_folder, "none"))).Message);
    }

    [Fact]
    public void Loading_the_classifier_leaves_the_global_random_generator_alone()
    {
        torch.random.manual_seed(123);
        using var expected = torch.rand(4);
        torch.random.manual_seed(123);
        using (FashionClassifier.LoadShipped()) { }
        using var actual = torch.rand(4);
        Assert.True(expected.eq(actual).all().item<bool>(), "loading the classifier drew from TorchSharp's global generator");
    }
}
