using System;
using System.IO;
using GanDsl.Data;
using SkiaSharp;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>Bad options and arguments fail at once with a message naming them; nothing fails after an epoch of
/// training or with a native stack trace.</summary>
[Collection(SerialCollection.Name)]
public sealed class InputValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-inputs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 3, Device = ComputeDevice.Cpu, GridSamples = 8 };

    [Theory]
    [InlineData("LogEvery", 0)]
    [InlineData("LogEvery", -5)]
    [InlineData("GridSamples", 0)]
    [InlineData("GridSamples", -1)]
    [InlineData("CheckpointEvery", -1)]
    public void A_bad_option_is_refused_when_the_model_is_made_naming_the_option(string option, int value)
    {
        var options = option switch
        {
            "LogEvery" => Options() with { LogEvery = value },
            "GridSamples" => Options() with { GridSamples = value },
            _ => Options() with { CheckpointEvery = value },
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => new TinyGan(options).Dispose());
        Assert.Contains($"GanOptions.{option}", error.Message);
        Assert.Contains(value.ToString(), error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Sample_of_fewer_than_one_image_is_an_argument_error_not_a_native_one(int n)
    {
        using var gan = new TinyGan(Options());
        var error = Assert.ThrowsAny<ArgumentException>(() => gan.Sample(n).Dispose());
        Assert.Equal("n", error.ParamName);
    }

    [Fact]
    public void A_points_generator_trains_and_gets_a_scatter_plot_per_epoch()
    {
        using var gan = new PointsGan(Options());
        using var points = torch.randn(new long[] { 64, 2 }, generator: new torch.Generator(7));
        using var data = ImageDataset.FromTensor(points, null, "64 gaussian points");
        string run = Path.Combine(_folder, "points");

        var result = gan.Fit(data, epochs: 1, batchSize: 16, output: run);

        string picture = Path.Combine(run, "samples", "epoch-001.png");
        Assert.Equal(picture, result.SamplePicture);
        using var bitmap = SKBitmap.Decode(picture);
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    [Fact]
    public void A_two_channel_generator_trains_without_a_picture_instead_of_crashing_after_the_epoch()
    {
        using var gan = new TwoChannelGan(Options());
        using var images = torch.rand(new long[] { 32, 2, 4, 4 }, generator: new torch.Generator(7)) * 2 - 1;
        using var data = ImageDataset.FromTensor(images, null, "two-channel maps");
        string run = Path.Combine(_folder, "two");

        var result = gan.Fit(data, epochs: 1, batchSize: 16, output: run);

        Assert.Equal(1, result.EpochsCompleted);
        Assert.Null(result.SamplePicture);
        Assert.Empty(Directory.GetFiles(Path.Combine(run, "samples")));
        Assert.NotNull(result.LatestCheckpoint);
    }

    [Fact]
    public void Resuming_mid_epoch_with_another_batch_size_continues_after_the_images_already_seen()
    {
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "batch");
        using (var first = new TinyGan(Options()))
            first.Fit(data, epochs: 3, batchSize: 16, output: run, maxSteps: 3); // 48 of epoch 1's 80 images seen
        var metadata = CheckpointFile.Read(TinyGan.ResolveCheckpoint(run)).Metadata;
        Assert.Equal(16, metadata.BatchSize);
        Assert.Equal(48, metadata.ImagesInEpoch);

        using var resumed = new TinyGan(Options());
        var result = resumed.Fit(data, epochs: 1, batchSize: 8, output: run, resumeFrom: run);

        Assert.Equal(3 + 4, result.LastStep); // the other 32 images in batches of 8
        Assert.Equal(1, result.EpochsCompleted);
    }

    [Fact]
    public void Resuming_at_an_epoch_boundary_with_another_batch_size_trains_whole_epochs_of_it()
    {
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "boundary");
        using (var first = new TinyGan(Options()))
            first.Fit(data, epochs: 1, batchSize: 16, output: run);

        using var resumed = new TinyGan(Options());
        var result = resumed.Fit(data, epochs: 2, batchSize: 8, output: run, resumeFrom: run);

        Assert.Equal(5 + 10, result.LastStep);
    }
}
