using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>
/// ModeSeekingWeight (MSGAN): G's batch comes in pairs that share a label and differ in noise, and G's loss adds
/// w / (r + 1e-5) with r = mean|G(z1) - G(z2)| / mean|z1 - z2|. Checked against the same update written out by hand
/// from the same draws.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ModeSeekingTests
{
    private static GanOptions Options() => new() { Seed = 41, Device = ComputeDevice.Cpu, GridSamples = 6 };

    [Fact]
    public void A_generator_update_adds_the_weight_over_the_diversity_ratio_of_pairs_with_one_label()
    {
        using var gan = new TinyModeSeekingGan(Options());

        // The update's draws, replayed: an odd batch of 7 becomes 4 pairs, labels drawn once per pair.
        torch.random.manual_seed(9);
        double expectedLoss, expectedRatio;
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var z = torch.randn(8, 4);
            var pairLabels = torch.randint(0, 3, new long[] { 4 }, dtype: ScalarType.Int64);
            var labels = torch.cat(new[] { pairLabels, pairLabels });
            gan.Generator.train();
            var fake = gan.Generator.call(z, labels);
            var hinge = -gan.Discriminator.call(fake, labels).mean().item<float>();
            expectedRatio = (fake[..4] - fake[4..]).abs().mean().item<float>() / (z[..4] - z[4..]).abs().mean().item<float>();
            expectedLoss = hinge + 0.5 / (expectedRatio + 1e-5);
        }

        torch.random.manual_seed(9);
        AdversarialObjective.GeneratorResult result;
        using (torch.NewDisposeScope()) result = gan.Objective.GeneratorUpdateWithTerms(7);

        Assert.Equal(expectedRatio, result.DiversityRatio, 4);
        Assert.Equal(expectedLoss, result.Loss, 4);
        Assert.True(result.DiversityRatio > 0);
    }

    [Fact]
    public void The_ratio_is_the_last_metric_column_after_the_classification_losses()
    {
        using var gan = new TinyModeSeekingClassifierGan(Options());
        Assert.Equal(new[] { "d_loss", "g_loss", "critic_real", "critic_fake", "d_class", "g_class", "g_diversity" },
            gan.Objective.Metrics.Select(c => c.Name));
        Assert.Equal(MetricKind.Score, gan.Objective.Metrics[^1].Kind);

        using var images = torch.randn(new long[] { 6, 1, 6, 6 }, generator: new torch.Generator(3)).tanh();
        using var labels = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2 });
        var step = gan.TrainStep(new[] { images }, new[] { labels });

        double classLoss = step.Metrics!["g_class"], ratio = step.Metrics["g_diversity"];
        // Ranges that do not overlap, so swapped columns fail: this seed's step gives a cross-entropy of about 1.7 over
        // 3 classes (ln 3 = 1.1 is chance) and a ratio of about 0.12 (the tiny G's outputs move little with its noise).
        Assert.InRange(classLoss, 1.0, 3.0);
        Assert.InRange(ratio, 0.01, 0.5);
    }

    [Fact]
    public void A_mode_seeking_generator_keeps_its_samples_apart_where_a_plain_one_does_not_try()
    {
        // Same initial weights, same data, 60 steps each: the ratio G reaches with the term is higher.
        using var images = TinyData.Create(48);
        using var data = GanDsl.Data.ImageDataset.FromTensor(images.Images, torch.arange(48).remainder(3), "tiny labelled set");
        double Ratio(GanModel<TinyConditionalGenerator, TinyConditionalDiscriminator> gan)
        {
            gan.Fit(data, epochs: 20, batchSize: 16);
            using var _ = torch.NewDisposeScope();
            using var __ = torch.no_grad();
            var z = torch.randn(new long[] { 200, 4 }, generator: new torch.Generator(2));
            var labels = torch.zeros(200, dtype: ScalarType.Int64);
            gan.Generator.eval();
            var x = gan.Generator.call(z, labels);
            return (x[..100] - x[100..]).abs().mean().item<float>() / (z[..100] - z[100..]).abs().mean().item<float>();
        }
        using var seeking = new TinyModeSeekingGan(Options());
        using var plain = new TinyHingeConditionalGan(Options());

        Assert.True(Ratio(seeking) > Ratio(plain));
    }
}
