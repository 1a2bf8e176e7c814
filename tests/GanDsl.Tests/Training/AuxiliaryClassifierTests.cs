using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>
/// AuxiliaryClassifierWeight (AC-GAN on a projection discriminator): D's ProjectLabel embeddings, read as class
/// logits h . e_c, add weight x cross-entropy on the real batch to D's loss and on G's samples to G's loss. Checked
/// against the same pair without it (same initial weights, same noise) and the cross-entropy computed by hand from
/// D's weights.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class AuxiliaryClassifierTests
{
    private static GanOptions Options() => new() { Seed = 31, Device = ComputeDevice.Cpu, GridSamples = 6 };

    private static Tensor Images(int n) => torch.randn(new long[] { n, 1, 6, 6 }, generator: new torch.Generator(5)).tanh();

    private static Tensor Labels(params long[] values) => torch.tensor(values);

    /// <summary>The tiny D written out: h = LeakyReLU(0.2)(Dense(flatten(x))), class logits h . E^T, mean cross-entropy.</summary>
    private static double CrossEntropyByHand(nn.Module discriminator, Tensor images, Tensor labels)
    {
        using var _ = torch.no_grad();
        var p = discriminator.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        var h = nn.functional.leaky_relu(images.flatten(1).matmul(p["dense1.weight"].t()) + p["dense1.bias"], 0.2);
        var logits = h.matmul(p["projectLabel3.embedding.weight"].t());                     // (B, 3)
        var logProbabilities = logits.log_softmax(1);
        double sum = 0;
        for (int i = 0; i < labels.shape[0]; i++) sum -= logProbabilities[i, labels[i].item<long>()].item<float>();
        return sum / labels.shape[0];
    }

    [Fact]
    public void The_classification_losses_are_metric_columns()
    {
        using var gan = new TinyAuxiliaryClassifierGan(Options());
        Assert.Equal(new[] { "d_loss", "g_loss", "critic_real", "critic_fake", "d_class", "g_class" }, gan.Objective.Metrics.Select(c => c.Name));
        Assert.Equal(0.5, TinyAuxiliaryClassifierGan.AuxiliaryClassifierWeight);
        using var plain = new TinyHingeConditionalGan(Options());
        Assert.DoesNotContain(plain.Objective.Metrics, c => c.Name.EndsWith("_class", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_penalties_the_class_columns_come_last_and_hold_the_unweighted_cross_entropies()
    {
        using var gan = new TinyPenalisedAuxiliaryClassifierGan(Options());
        Assert.Equal(new[] { "d_loss", "g_loss", "critic_real", "critic_fake", "gp", "r1", "d_class", "g_class" }, gan.Objective.Metrics.Select(c => c.Name));
        using var images = Images(6);
        using var labels = Labels(0, 1, 2, 2, 1, 0);
        // A critic step's first update sees D as built: its class loss is the hand-computed cross-entropy (of the first
        // batch; the second update sees the same batch through D after one update).
        double firstByHand = CrossEntropyByHand(gan.Discriminator, images, labels);

        var metrics = gan.TrainStep(new[] { images, images }, new[] { labels, labels }).Metrics!;

        Assert.InRange(metrics["d_class"], 0.8 * firstByHand, 1.2 * firstByHand);   // the mean of the two updates'
        Assert.InRange(metrics["g_class"], 0.3, 3.0);                               // ln 3 = 1.1 is chance
        Assert.True(metrics["gp"] >= 0 && metrics["r1"] >= 0);
    }

    [Fact]
    public void Only_the_objectives_own_forwards_record_class_logits()
    {
        using var gan = new TinyAuxiliaryClassifierGan(Options());
        using var images = Images(6);
        using var labels = Labels(0, 1, 2, 2, 1, 0);
        gan.TrainStep(images, labels);
        var projection = gan.Discriminator.modules().OfType<GanDsl.Layers.ProjectLabel>().Single();

        using (torch.NewDisposeScope()) gan.Discriminator.call(images, labels);   // a user's own forward

        Assert.False(projection.RecordsClassLogits);
        Assert.Throws<InvalidOperationException>(() => projection.TakeClassLogits());
    }

    [Fact]
    public void A_discriminator_update_adds_the_weighted_cross_entropy_of_the_real_batch_by_its_labels()
    {
        using var classified = new TinyAuxiliaryClassifierGan(Options());
        using var plain = new TinyHingeConditionalGan(Options());
        Assert.Equal(FirstWeights.Of(plain.Discriminator), FirstWeights.Of(classified.Discriminator));
        using var images = Images(6);
        using var labels = Labels(0, 1, 2, 2, 1, 0);
        double byHand = CrossEntropyByHand(classified.Discriminator, images, labels);

        torch.random.manual_seed(4);
        var with = classified.DiscriminatorStep(images, labels);
        torch.random.manual_seed(4);
        var without = plain.DiscriminatorStep(images, labels);

        Assert.True(byHand > 0.5, $"cross-entropy {byHand}");
        Assert.Equal(0.5 * byHand, with.Loss - without.Loss, 5);
        Assert.Equal((without.DReal, without.DFake), (with.DReal, with.DFake));   // the adversarial outputs are unchanged
    }

    [Fact]
    public void A_generator_update_adds_the_weighted_cross_entropy_of_its_samples_by_the_labels_it_was_given()
    {
        using var classified = new TinyAuxiliaryClassifierGan(Options());
        using var plain = new TinyHingeConditionalGan(Options());

        torch.random.manual_seed(6);
        double without;
        using (torch.NewDisposeScope()) without = plain.GeneratorStep(8);
        torch.random.manual_seed(6);
        AdversarialObjective.GeneratorResult with;
        using (torch.NewDisposeScope()) with = classified.Objective.GeneratorUpdateWithTerms(8);

        Assert.True(with.ClassLoss > 0.5, $"cross-entropy {with.ClassLoss}");
        Assert.Equal(without + 0.5 * with.ClassLoss, with.Loss, 5);
        Assert.NotEqual(FirstWeights.Of(plain.Generator), FirstWeights.Of(classified.Generator));   // the class term moved G differently
    }

    [Fact]
    public void Training_makes_the_discriminator_a_classifier_of_the_real_labels()
    {
        // Three classes told apart by their mean brightness: D's class loss on them must fall well below chance (ln 3).
        using var gan = new TinyAuxiliaryClassifierGan(Options());
        using var labels = torch.arange(32, dtype: ScalarType.Int64).remainder(3);
        using var images = (torch.randn(new long[] { 32, 1, 6, 6 }, generator: new torch.Generator(8)) * 0.1 +
                            (labels.to(ScalarType.Float32) - 1).reshape(-1, 1, 1, 1) * 0.6).clamp(-1, 1);

        var losses = Enumerable.Range(0, 80).Select(_ => gan.TrainStep(images, labels).Metrics!["d_class"]).ToArray();

        Assert.True(losses[0] > 0.8 && losses[^1] < 0.5, $"D's class loss went from {losses[0]} to {losses[^1]} (chance: ln 3 = 1.10)");
    }
}
