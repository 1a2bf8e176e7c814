using System;
using System.IO;
using System.Linq;
using GanDsl.Examples.Models;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>A refused checkpoint changes nothing: every section is checked before any tensor is written.</summary>
[Collection(SerialCollection.Name)]
public sealed class CheckpointRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-refusal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options(long seed) => new() { Seed = seed, Device = ComputeDevice.Cpu, GridSamples = 4 };

    /// <summary>A TinyGan with some training behind it (so both optimizers hold state), and a checkpoint of
    /// TinySharedGeneratorGan: same generator, another discriminator.</summary>
    private (TinyGan Gan, string OtherCheckpoint) TrainedPair()
    {
        using var data = TinyData.Create(32);
        var path = Path.Combine(_folder, "shared.ckpt");
        using (var shared = new TinySharedGeneratorGan(Options(seed: 5)))
        {
            shared.Fit(data, epochs: 1, batchSize: 16);
            shared.Save(path);
        }
        var gan = new TinyGan(Options(seed: 11));
        gan.Fit(data, epochs: 1, batchSize: 16);
        return (gan, path);
    }

    [Fact]
    public void Loading_a_checkpoint_whose_discriminator_does_not_fit_leaves_every_tensor_as_it_was()
    {
        var (gan, path) = TrainedPair();
        using var _ = gan;
        var before = ModelBytes.Capture(gan);

        var error = Assert.Throws<CheckpointException>(() => gan.LoadCheckpoint(path));

        ModelBytes.AssertSame(before, ModelBytes.Capture(gan));
        Assert.Contains("TinySharedGeneratorGan", error.Message); // who saved it
        Assert.Contains("TinyDiscriminator", error.Message);      // the network it does not fit
        Assert.DoesNotContain("Mismatched state_dict", error.Message);
    }

    [Fact]
    public void Fit_resuming_from_such_a_checkpoint_on_a_live_model_leaves_it_as_it_was()
    {
        var (gan, path) = TrainedPair();
        using var _ = gan;
        using var data = TinyData.Create(32);
        var before = ModelBytes.Capture(gan);

        Assert.Throws<CheckpointException>(() => gan.Fit(data, epochs: 3, batchSize: 16, resumeFrom: path));

        ModelBytes.AssertSame(before, ModelBytes.Capture(gan));
    }

    [Fact]
    public void An_optimizer_section_that_does_not_fit_is_found_before_the_networks_are_touched()
    {
        var (gan, sharedPath) = TrainedPair();
        using var _ = gan;
        // A checkpoint whose networks and generator optimizer are this model's, but whose discriminator optimizer
        // state belongs to the other discriminator: the last section checked is the one that does not fit.
        string own = Path.Combine(_folder, "own.ckpt");
        using (var donor = new TinyGan(Options(seed: 99)))
        using (var batch = TinyData.Create(16))
        {
            donor.TrainStep(batch.Images);
            donor.Save(own);
        }
        var (metadata, sections) = CheckpointFile.Read(own);
        var foreign = CheckpointFile.Read(sharedPath).Sections;
        string mixed = Path.Combine(_folder, "mixed.ckpt");
        CheckpointFile.Write(mixed, metadata, new (string, Action<BinaryWriter>)[]
        {
            ("generator", w => w.Write(sections["generator"])),
            ("discriminator", w => w.Write(sections["discriminator"])),
            ("generator-optimizer", w => w.Write(sections["generator-optimizer"])),
            ("discriminator-optimizer", w => w.Write(foreign["discriminator-optimizer"])),
        });
        var before = ModelBytes.Capture(gan);

        var error = Assert.Throws<CheckpointException>(() => gan.LoadCheckpoint(mixed));

        ModelBytes.AssertSame(before, ModelBytes.Capture(gan));
        Assert.Contains("discriminator optimizer", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_model_with_the_same_shapes_names_that_model_and_the_network()
    {
        // dcgan --resume <a fashion-mlp run>: same latent size and image shape, different networks.
        string path = Path.Combine(_folder, "mlp.ckpt");
        using (var mlp = new FashionMlpGan(Options(seed: 1))) mlp.Save(path);
        using var dcgan = new FashionDcgan(Options(seed: 1));

        var error = Assert.Throws<CheckpointException>(() => dcgan.LoadCheckpoint(path));

        Assert.Contains("FashionMlpGan", error.Message);
        Assert.Contains("DcganGenerator", error.Message);
        Assert.DoesNotContain("Mismatched state_dict", error.Message);
    }
}
