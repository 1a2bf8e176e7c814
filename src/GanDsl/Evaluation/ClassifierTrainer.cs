using System;
using System.Diagnostics;
using GanDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanDsl.Evaluation;

/// <summary>
/// Trains <see cref="FashionClassifierNetwork"/> (what the train-classifier example command runs): Adam with a
/// cosine-decayed rate, cross-entropy, light augmentation, one dispose scope per step. Seeded: the global
/// generator is seeded once for init and dropout, and shuffling and augmentation draw from their own generator.
/// </summary>
public static class ClassifierTrainer
{
    public static FashionClassifier Train(ImageDataset train, ImageDataset test, ClassifierTrainingOptions? options = null, IProgress<ClassifierEpoch>? progress = null)
    {
        options ??= new ClassifierTrainingOptions();
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Epochs must be at least 1");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1");
        if (train.Labels is null) throw new ArgumentException($"{train.Source} has no labels", nameof(train));
        if (test.Labels is null) throw new ArgumentException($"{test.Source} has no labels", nameof(test));
        FashionClassifier.EnsureImages(train.Images);
        FashionClassifier.EnsureImages(test.Images);

        torch.random.manual_seed(options.Seed);
        var network = new FashionClassifierNetwork();
        using var random = new torch.Generator((ulong)options.Seed ^ 0xC1A5_51F1UL);
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate);
        long n = train.Count;
        long stepsPerEpoch = (n + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = stepsPerEpoch * options.Epochs, step = 0;
        var clock = Stopwatch.StartNew();
        long correct = 0;
        try
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                network.train();
                double lossSum = 0;
                using var order = torch.randperm(n, generator: random);
                for (long start = 0; start < n; start += options.BatchSize, step++)
                {
                    using var scope = torch.NewDisposeScope();
                    var index = order.narrow(0, start, Math.Min(options.BatchSize, n - start));
                    var images = train.Images.index_select(0, index);
                    if (options.Augment) images = Augment(images, options.MaxShift, random);
                    foreach (var group in optimizer.ParamGroups)
                        group.LearningRate = options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps));
                    var loss = F.cross_entropy(network.call(images), train.Labels.index_select(0, index));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>() * index.shape[0];
                }
                network.eval();
                correct = CountCorrect(network, test);
                progress?.Report(new ClassifierEpoch(epoch, options.Epochs, lossSum / n, correct, test.Count, clock.Elapsed.TotalSeconds));
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }
        var info = new ClassifierInfo(FashionClassifierNetwork.Architecture, FashionClassifierNetwork.FeatureWidth, FashionClassifierNetwork.ClassCount,
            options.Seed, options.Epochs, options.BatchSize, train.Count, test.Count, (int)correct);
        return FashionClassifier.FromNetwork(network, info);
    }

    /// <summary>Random horizontal flips and integer shifts (the background, -1, fills what a shift uncovers).</summary>
    public static Tensor Augment(Tensor images, int maxShift, torch.Generator random)
    {
        long n = images.shape[0];
        var flip = torch.rand(n, generator: random).lt(Scalars.Half).view(n, 1, 1, 1);
        var flipped = torch.where(flip, images.flip(3), images);
        if (maxShift == 0) return flipped;
        // Whole-pixel shifts: translating the sampling grid by 2k/28 lands exactly on pixel centres (nearest mode).
        using var pixel = (2f / 28f).ToScalar();
        var shifts = torch.randint(-maxShift, maxShift + 1, new long[] { n, 2 }, generator: random).to_type(ScalarType.Float32).mul(pixel);
        var theta = torch.zeros(n, 2, 3);
        theta[.., 0, 0] = torch.tensor(1f);
        theta[.., 1, 1] = torch.tensor(1f);
        theta[.., .., 2] = shifts;
        var grid = F.affine_grid(theta, new long[] { n, 1, 28, 28 }, align_corners: false);
        return F.grid_sample(flipped + Scalars.One, grid, mode: GridSampleMode.Nearest, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false) - Scalars.One;
    }

    internal static long CountCorrect(FashionClassifierNetwork network, ImageDataset data)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        long correct = 0;
        for (long start = 0; start < data.Count; start += 1000)
        {
            var end = Math.Min(data.Count, start + 1000);
            correct += network.call(data.Images.narrow(0, start, end - start)).argmax(1).eq(data.Labels!.narrow(0, start, end - start)).sum().item<long>();
        }
        return correct;
    }
}
