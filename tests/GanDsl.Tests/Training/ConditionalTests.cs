using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanDsl.Data;
using GanDsl.Output;
using SkiaSharp;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>
/// A [Gan] of class-conditional networks: it trains on (image, label) pairs, resumes exactly, samples the classes it
/// is asked for, and draws its pictures with one row per class.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConditionalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-conditional-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 21, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 6 };

    /// <summary>TinyData's images with seeded labels 0..2.</summary>
    private static ImageDataset Labelled(int n)
    {
        using var images = TinyData.Create(n);
        using var labels = torch.arange(n, dtype: ScalarType.Int64).remainder(3);
        return ImageDataset.FromTensor(images.Images, labels, $"tiny labelled set ({n} images)");
    }

    [Fact]
    public void The_generated_pair_is_conditional_with_the_networks_classes()
    {
        using var gan = new TinyConditionalGan(Options());
        Assert.Equal(3, TinyConditionalGan.Declaration.Classes);
        Assert.Equal(3, gan.Classes);
        using var plain = new TinyGan(Options());
        Assert.Equal(0, plain.Classes);
    }

    [Fact]
    public void A_short_fit_trains_on_images_and_labels_and_draws_one_row_per_class()
    {
        using var gan = new TinyConditionalGan(Options());
        using var data = Labelled(48);
        var before = Parameters(gan.Discriminator);
        string run = Path.Combine(_folder, "fit");

        var result = gan.Fit(data, epochs: 1, batchSize: 16, output: run);

        Assert.Equal(3, result.LastStep);
        Assert.True(double.IsFinite(result.LastStepResult.DLoss) && double.IsFinite(result.LastStepResult.GLoss), $"D {result.LastStepResult.DLoss}, G {result.LastStepResult.GLoss}");
        Assert.NotEqual(before, Parameters(gan.Discriminator));
        // GridSamples 6 over 3 classes: 3 rows (one per class) of 2, not the square grid of 3 x 2 a plain model draws.
        using var picture = SKBitmap.Decode(result.SamplePicture!);
        using var sixImages = torch.zeros(6, 1, 6, 6);
        using var expected = SKBitmap.Decode(SampleGrid.Render(sixImages, columns: 2));
        using var square = SKBitmap.Decode(SampleGrid.Render(sixImages));
        Assert.Equal((expected.Width, expected.Height), (picture.Width, picture.Height));
        Assert.NotEqual((square.Width, square.Height), (picture.Width, picture.Height));
    }

    [Fact]
    public void A_resumed_conditional_run_ends_with_the_weights_of_an_uninterrupted_one()
    {
        using var data = Labelled(48);
        string whole = Path.Combine(_folder, "whole"), split = Path.Combine(_folder, "split");
        using (var uninterrupted = new TinyConditionalWgan(Options()))
            Assert.Equal(6, uninterrupted.Fit(data, epochs: 4, batchSize: 16, output: whole).LastStep);
        using (var first = new TinyConditionalWgan(Options()))
            first.Fit(data, epochs: 4, batchSize: 16, output: split, maxSteps: 2);

        using var resumed = new TinyConditionalWgan(Options());
        var rest = resumed.Fit(data, epochs: 4, batchSize: 16, output: split, resumeFrom: split);

        Assert.Equal(6, rest.LastStep);
        Assert.Contains("generator-ema", CheckpointFile.Read(rest.LatestCheckpoint!).Sections.Keys);
        CheckpointSections.AssertSame(TinyConditionalWgan.ResolveCheckpoint(whole), rest.LatestCheckpoint!);
    }

    [Fact]
    public void Sample_of_labels_gives_one_image_per_label_and_the_labels_change_them()
    {
        using var gan = new TinyConditionalGan(Options());
        using var data = Labelled(48);
        gan.Fit(data, epochs: 1, batchSize: 16);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 2 });
        using var others = torch.tensor(new long[] { 1, 2, 0, 0 });

        using var samples = gan.Sample(labels, noiseSeed: 5);
        using var again = gan.Sample(labels, noiseSeed: 5);
        using var relabelled = gan.Sample(others, noiseSeed: 5);
        using var fresh = gan.Sample(labels);

        Assert.Equal(new long[] { 4, 1, 6, 6 }, samples.shape);
        Assert.Equal(new long[] { 4, 1, 6, 6 }, fresh.shape);
        Assert.True(samples.eq(again).all().item<bool>(), "the same labels and noise seed must give the same images");
        // Same noise, other classes: every image changes (rows 2 and 3 share their noise only with each other).
        for (int i = 0; i < 4; i++)
            Assert.True((samples[i] - relabelled[i]).abs().max().item<float>() > 1e-4, $"image {i} did not change with its label");
    }

    [Fact]
    public void Sample_of_n_goes_through_the_classes_in_turn()
    {
        using var gan = new TinyConditionalGan(Options());
        using var byCount = gan.Sample(5, noiseSeed: 8);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 0, 1 });
        using var byLabels = gan.Sample(labels, noiseSeed: 8);

        Assert.True(byCount.eq(byLabels).all().item<bool>());
    }

    [Fact]
    public void Labels_that_do_not_fit_are_refused_with_their_range()
    {
        using var gan = new TinyConditionalGan(Options());
        using var unlabelled = TinyData.Create(32);
        var missing = Assert.Throws<ArgumentException>(() => gan.Fit(unlabelled, epochs: 1, batchSize: 16));
        Assert.Contains("conditional on 3 classes", missing.Message);
        Assert.Contains("has no labels", missing.Message);

        using var images = TinyData.Create(32);
        using var wrong = torch.arange(32, dtype: ScalarType.Int64).remainder(5);
        using var outOfRange = ImageDataset.FromTensor(images.Images, wrong, "five classes");
        var range = Assert.Throws<ArgumentException>(() => gan.Fit(outOfRange, epochs: 1, batchSize: 16));
        Assert.Contains("labels 0 to 2", range.Message);
        Assert.Contains("from 0 to 4", range.Message);
        Assert.Equal(0, gan.Step);

        using var tooHigh = torch.tensor(new long[] { 3 });
        Assert.Throws<ArgumentException>(() => gan.Sample(tooHigh).Dispose());
        using var batch = torch.zeros(2, 1, 6, 6);
        Assert.Contains("pass the real batch's labels", Assert.Throws<ArgumentException>(() => gan.TrainStep(batch)).Message);
    }

    [Fact]
    public void An_unconditional_model_takes_no_labels()
    {
        using var gan = new TinyGan(Options());
        using var labels = torch.tensor(new long[] { 0 });
        var error = Assert.Throws<InvalidOperationException>(() => gan.Sample(labels).Dispose());
        Assert.Contains("unconditional", error.Message);
    }

    [Fact]
    public void A_definition_whose_classes_disagree_with_the_networks_is_refused()
    {
        var definition = TinyConditionalGan.Declaration with { Classes = 4 };
        var error = Assert.Throws<ArgumentException>(() => new HandWrittenConditionalGan(definition, Options()).Dispose());
        Assert.Contains("conditional on 3 classes", error.Message);
        Assert.Contains("Classes = 4", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_an_unconditional_pair_is_refused_by_a_conditional_one()
    {
        string file = Path.Combine(_folder, "plain.ckpt");
        using (var plain = new TinyGan(Options())) plain.Save(file);
        using var gan = new TinyConditionalGan(Options());
        var before = Parameters(gan.Generator);

        var error = Assert.Throws<CheckpointException>(() => gan.LoadCheckpoint(file));

        Assert.Contains("unconditional", error.Message);
        Assert.Contains("conditional on 3 classes", error.Message);
        Assert.Equal(before, Parameters(gan.Generator));
    }

    private static float[][] Parameters(nn.Module module) => module.parameters().Select(p => p.detach().data<float>().ToArray()).ToArray();

    private sealed class HandWrittenConditionalGan : GanModel<TinyConditionalGenerator, TinyConditionalDiscriminator>
    {
        public HandWrittenConditionalGan(GanDefinition definition, GanOptions options)
            : base(definition, options, () => new TinyConditionalGenerator(), () => new TinyConditionalDiscriminator())
        {
        }
    }
}
