using System;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// The trained Fashion-MNIST classifier whose penultimate layer is the evaluation feature space. The weights
/// trained in this repository ship inside GanDsl.dll (<see cref="LoadShipped"/>), pinned by
/// <see cref="ShippedSha256"/>, so nobody needs the 60,000 training images or retrains it. Always in eval mode,
/// always on the CPU; inputs are (N, 1, 28, 28) images in [-1, 1], as FashionMnist and the generators make them.
/// </summary>
public sealed class FashionClassifier : IDisposable
{
    /// <summary>SHA-256 of the shipped weights file (src/GanDsl/Evaluation/FashionClassifier.weights).</summary>
    public const string ShippedSha256 = "5fcdf38ad844d18174e101451420b42676311b4ee78cdfbe7100c959b6c9f2bd";

    /// <summary>Images of Fashion-MNIST's 10,000-image t10k split the shipped weights classify correctly
    /// (computed by train-classifier when it saved them; the README states the same number).</summary>
    public const int ShippedTestCorrect = 9269;

    internal const string ShippedResourceName = "GanDsl.Evaluation.FashionClassifier.weights";

    private const int DefaultBatch = 1000;
    private bool _disposed;

    private FashionClassifier(FashionClassifierNetwork network, ClassifierInfo info, string sha256, string origin)
    {
        Network = network;
        Info = info;
        Sha256 = sha256;
        Origin = origin;
        Network.eval();
    }

    /// <summary>The network (in eval mode). Do not train it in place: its features are the metrics' yardstick.</summary>
    public FashionClassifierNetwork Network { get; }

    public ClassifierInfo Info { get; }

    /// <summary>SHA-256 of the weights file this classifier was read from, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The file path or the embedded resource it came from.</summary>
    public string Origin { get; }

    public int FeatureWidth => FashionClassifierNetwork.FeatureWidth;

    /// <summary>The weights shipped inside GanDsl.dll, after checking their SHA-256 against <see cref="ShippedSha256"/>.</summary>
    public static FashionClassifier LoadShipped()
    {
        using var stream = typeof(FashionClassifier).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new ClassifierWeightsException(ShippedResourceName, "this GanDsl.dll was built without the shipped classifier weights");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return FromBytes(copy.ToArray(), $"{ShippedResourceName} (embedded in GanDsl.dll)", ShippedSha256);
    }

    /// <summary>A weights file written by <see cref="Save"/> (e.g. by train-classifier). With
    /// <paramref name="expectedSha256"/>, any other file is refused.</summary>
    public static FashionClassifier Load(string path, string? expectedSha256 = null)
    {
        if (!File.Exists(path)) throw new ClassifierWeightsException(path, "the file does not exist");
        return FromBytes(File.ReadAllBytes(path), path, expectedSha256);
    }

    internal static FashionClassifier FromBytes(byte[] bytes, string origin, string? expectedSha256)
    {
        string sha = ClassifierWeightsFile.Sha256Hex(bytes);
        if (expectedSha256 is not null && !string.Equals(sha, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new ClassifierWeightsException(origin, $"its SHA-256 is {sha}, expected {expectedSha256} (the file is damaged or not the one this GanDsl ships)");
        var (info, weights) = ClassifierWeightsFile.Parse(bytes, origin);
        var network = CreateWithoutTouchingGlobalRandom();
        try
        {
            using var s = new MemoryStream(weights);
            network.load(s, strict: true);
        }
        catch (Exception e)
        {
            network.Dispose();
            throw new ClassifierWeightsException(origin, "its tensors do not fit the classifier network: " + e.Message, e);
        }
        return new FashionClassifier(network, info, sha, origin);
    }

    /// <summary>The new network's initial weights are overwritten by the file's, but drawing them advances TorchSharp's
    /// global generator; its state is put back, so loading a classifier mid-training leaves training's stream alone.</summary>
    private static FashionClassifierNetwork CreateWithoutTouchingGlobalRandom()
    {
        using var state = torch.random.get_rng_state();
        try
        {
            return new FashionClassifierNetwork();
        }
        finally
        {
            torch.random.set_rng_state(state);
        }
    }

    /// <summary>Wraps a network just trained (see <see cref="ClassifierTrainer"/>); takes ownership of it.</summary>
    internal static FashionClassifier FromNetwork(FashionClassifierNetwork network, ClassifierInfo info)
    {
        var bytes = ClassifierWeightsFile.Serialize(info, network);
        return new FashionClassifier(network, info, ClassifierWeightsFile.Sha256Hex(bytes), "(trained in this process)");
    }

    /// <summary>Writes the weights file atomically and returns its SHA-256.</summary>
    public string Save(string path)
    {
        var bytes = ClassifierWeightsFile.Serialize(Info, Network);
        Output.AtomicFile.WriteAllBytes(path, bytes);
        return ClassifierWeightsFile.Sha256Hex(bytes);
    }

    /// <summary>(N, 1, 28, 28) images -> (N, 128) float32 features on the CPU.</summary>
    public Tensor Features(Tensor images) => Run(images).Features;

    /// <summary>(N, 1, 28, 28) images -> (N, 10) float32 class logits on the CPU.</summary>
    public Tensor Logits(Tensor images) => Run(images).Logits;

    /// <summary>(N, 1, 28, 28) images -> (N) int64 predicted classes (0..9, Fashion-MNIST's label order).</summary>
    public Tensor Predict(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(Logits(images).argmax(1));
    }

    /// <summary>Features and predicted classes in one pass over the images (what the evaluator needs).</summary>
    public (Tensor Features, Tensor Predictions) FeaturesAndPredictions(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        var (features, logits) = Run(images);
        return (scope.MoveToOuter(features), scope.MoveToOuter(logits.argmax(1)));
    }

    /// <summary>Share of <paramref name="images"/> whose predicted class equals <paramref name="labels"/>.</summary>
    public double Accuracy(Tensor images, Tensor labels) => (double)CountCorrect(images, labels) / images.shape[0];

    /// <summary>How many of <paramref name="images"/> are classified as their <paramref name="labels"/>.</summary>
    public long CountCorrect(Tensor images, Tensor labels)
    {
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be ({images.shape[0]}); got ({string.Join(", ", labels.shape)})", nameof(labels));
        using var scope = torch.NewDisposeScope();
        return Predict(images).eq(labels.cpu().to_type(ScalarType.Int64)).sum().item<long>();
    }

    private (Tensor Features, Tensor Logits) Run(Tensor images)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureImages(images);
        long n = images.shape[0];
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var featureParts = new Tensor[(n + DefaultBatch - 1) / DefaultBatch];
        var logitParts = new Tensor[featureParts.Length];
        for (int i = 0; i < featureParts.Length; i++)
        {
            long start = (long)i * DefaultBatch, end = Math.Min(n, start + DefaultBatch);
            var batch = images.narrow(0, start, end - start).to(torch.CPU).to_type(ScalarType.Float32);
            featureParts[i] = Network.Features(batch);
            logitParts[i] = Network.Head(featureParts[i]);
        }
        var f = n == 0 ? torch.zeros(0, FeatureWidth) : torch.cat(featureParts, 0);
        var l = n == 0 ? torch.zeros(0, FashionClassifierNetwork.ClassCount) : torch.cat(logitParts, 0);
        return (scope.MoveToOuter(f), scope.MoveToOuter(l));
    }

    /// <summary>The classifier only understands what Fashion-MNIST looks like: one channel, 28x28.</summary>
    public static void EnsureImages(Tensor images)
    {
        var shape = images.shape;
        if (shape.Length != 4 || shape[1] != 1 || shape[2] != 28 || shape[3] != 28)
            throw new ArgumentException(
                $"the Fashion-MNIST classifier takes (N, 1, 28, 28) images in [-1, 1]; got ({string.Join(", ", shape)})", nameof(images));
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Network.Dispose();
    }
}
