using System;
using System.Collections.Generic;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Tests.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>The classifier's training loop on a few images (the real run takes minutes; see the README).</summary>
[Collection(SerialCollection.Name)]   // training seeds TorchSharp's global generator
public class ClassifierTrainerTests
{
    [Fact]
    public void A_short_seeded_run_learns_and_is_reproducible()
    {
        using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
        using var train = t10k.Take(1024);
        using var all = t10k.Take(2048);
        using var scope = torch.NewDisposeScope();
        using var test = ImageDataset.FromTensor(all.Images.narrow(0, 1024, 1024), all.Labels!.narrow(0, 1024, 1024), "held-out");
        var options = new ClassifierTrainingOptions { Epochs = 2, BatchSize = 64, Seed = 5 };
        var epochs = new List<ClassifierEpoch>();

        using var first = ClassifierTrainer.Train(train, test, options, new Collect(epochs));
        using var second = ClassifierTrainer.Train(train, test, options);

        Assert.Equal(2, epochs.Count);
        Assert.True(epochs[1].TrainLoss < epochs[0].TrainLoss, $"loss {epochs[0].TrainLoss} -> {epochs[1].TrainLoss}");
        Assert.True(first.Info.TestAccuracy > 0.4, $"accuracy after 32 steps: {first.Info.TestAccuracy}");
        Assert.Equal(epochs[1].TestCorrect, first.Info.TestCorrect);
        Assert.Equal(new ClassifierInfo(FashionClassifierNetwork.Architecture, 128, 10, 5, 2, 64, 1024, 1024, first.Info.TestCorrect), first.Info);
        Assert.Equal(first.Sha256, second.Sha256);
        using var third = ClassifierTrainer.Train(train, test, options with { Seed = 6, Epochs = 1 });
        Assert.NotEqual(first.Sha256, third.Sha256);
    }

    [Fact]
    public void Augmentation_flips_and_shifts_whole_pixels_over_a_background_of_minus_one()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.full(new long[] { 64, 1, 28, 28 }, -1f);
        images[.., 0, 10, 5] = torch.tensor(1f);   // one bright pixel at row 10, column 5
        using var random = new torch.Generator(3);
        var augmented = ClassifierTrainer.Augment(images, maxShift: 2, random);

        var seen = new HashSet<(long, long)>();
        for (int i = 0; i < 64; i++)
        {
            var image = augmented[i, 0];
            Assert.Equal(783, image.eq(-1f).sum().item<long>());   // every other pixel is background
            var at = image.eq(1f).nonzero();
            Assert.Equal(1, at.shape[0]);
            long row = at[0, 0].item<long>(), column = at[0, 1].item<long>();
            Assert.InRange(row, 8, 12);
            Assert.True(Math.Abs(column - 5) <= 2 || Math.Abs(column - 22) <= 2, $"column {column}: neither 5 nor its mirror 22, within 2");
            seen.Add((row - 10, Math.Abs(column - 5) <= 2 ? column - 5 : 100 + column - 22));
        }
        Assert.True(seen.Count > 15, $"only {seen.Count} distinct placements in 64 draws");
    }

    private sealed class Collect(List<ClassifierEpoch> into) : IProgress<ClassifierEpoch>
    {
        public void Report(ClassifierEpoch value) => into.Add(value);
    }
}
