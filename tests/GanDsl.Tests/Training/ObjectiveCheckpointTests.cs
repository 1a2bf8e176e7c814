using System;
using System.IO;
using System.Linq;
using System.Text;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>Checkpoints hold the objective's named sections (format version 2); version 1 files still load; a
/// checkpoint whose sections or optimizer kinds do not fit is refused naming what, and changes nothing.</summary>
[Collection(SerialCollection.Name)]
public sealed class ObjectiveCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-sections-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options(long seed = 11) => new() { Seed = seed, Device = ComputeDevice.Cpu, GridSamples = 4 };

    private string Trained<TGan>(Func<GanOptions, TGan> create, string name) where TGan : GanModel<TinyGenerator, TinyDiscriminator>
    {
        using var data = TinyData.Create(32);
        using var gan = create(Options(seed: 5));
        gan.Fit(data, epochs: 1, batchSize: 16);
        string path = Path.Combine(_folder, name + ".ckpt");
        gan.Save(path);
        return path;
    }

    private static int Version(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        reader.ReadBytes(8);
        return reader.ReadInt32();
    }

    [Fact]
    public void A_checkpoint_is_format_2_with_the_objectives_sections_and_optimizer_kinds()
    {
        string path = Trained(o => new TinyEmaGan(o), "ema");
        var (metadata, sections) = CheckpointFile.Read(path);

        Assert.Equal(2, Version(path));
        Assert.Equal(new[] { "discriminator", "discriminator-optimizer", "generator", "generator-ema", "generator-optimizer" }, sections.Keys.Order());
        Assert.Equal("adversarial, NonSaturating loss", metadata.Objective);
        Assert.Equal("Adam", metadata.OptimizerKinds!["generator-optimizer"]);
        Assert.Equal(0.9, metadata.Definition.EmaDecay);
    }

    [Fact]
    public void The_moving_average_survives_save_and_load()
    {
        string path = Trained(o => new TinyEmaGan(o), "ema");
        using var restored = TinyEmaGan.Load(path, Options());
        using var saved = new MemoryStream(CheckpointFile.Read(path).Sections["generator-ema"]);
        using var again = new MemoryStream();
        restored.EmaGenerator!.save(again);
        Assert.Equal(saved.ToArray(), again.ToArray());
        Assert.NotEqual(CheckpointFile.Read(path).Sections["generator"], again.ToArray());
    }

    [Fact]
    public void The_warm_up_count_is_a_section_and_a_resumed_run_continues_it()
    {
        string path = Trained(o => new TinyWarmEmaGan(o), "warm");
        var (_, sections) = CheckpointFile.Read(path);
        Assert.Equal(new[] { "discriminator", "discriminator-optimizer", "generator", "generator-ema", "generator-ema-updates", "generator-optimizer" },
            sections.Keys.Order());
        Assert.Equal(2L, BitConverter.ToInt64(sections["generator-ema-updates"]));   // 32 samples in batches of 16

        using (var restored = TinyWarmEmaGan.Load(path, Options()))
            Assert.Equal(2, restored.Objective.AverageUpdates);

        using var data = TinyData.Create(32);
        using var resumed = new TinyWarmEmaGan(Options(seed: 5));
        resumed.Fit(data, epochs: 2, batchSize: 16, resumeFrom: path);
        using var straight = new TinyWarmEmaGan(Options(seed: 5));
        straight.Fit(data, epochs: 2, batchSize: 16);

        Assert.Equal(4, resumed.Objective.AverageUpdates);
        // The same decays as a run that never stopped (a count restarted at 0 would take 2/11 and 3/12 again).
        Assert.Equal(Bytes(straight.EmaGenerator!), Bytes(resumed.EmaGenerator!));
    }

    private static byte[] Bytes(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_damaged_warm_up_count_is_refused_and_changes_nothing()
    {
        string path = Trained(o => new TinyWarmEmaGan(o), "warm");
        var (metadata, sections) = CheckpointFile.Read(path);
        sections["generator-ema-updates"] = new byte[] { 1, 2, 3 };
        CheckpointFile.Write(path, metadata, sections.Select(s => (s.Key, (Action<BinaryWriter>)(w => w.Write(s.Value)))).ToList());
        using var gan = new TinyWarmEmaGan(Options());
        var before = ModelBytes.Capture(gan);

        var error = Assert.Throws<CheckpointException>(() => gan.LoadCheckpoint(path));

        Assert.Contains("update count of the moving average's warm-up (EmaWarmup) does not fit (3 bytes where an 8-byte update count belongs)", error.Message);
        ModelBytes.AssertSame(before, ModelBytes.Capture(gan));
        Assert.Equal(0, gan.Objective.AverageUpdates);
    }

    [Fact]
    public void A_version_1_checkpoint_still_loads()
    {
        string path = Trained(o => new TinyGan(o), "tiny");
        LegacyCheckpoint.Strip(path);
        Assert.Equal(1, Version(path));

        using var restored = TinyGan.Load(path, Options());

        Assert.Equal(2, restored.Step);
    }

    [Fact]
    public void A_checkpoint_of_a_newer_format_is_refused_by_its_number()
    {
        string path = Trained(o => new TinyGan(o), "tiny");
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(3).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.ReadMetadata(path));

        Assert.Contains("format version 3 is not supported (this GanDsl reads versions 1 to 2)", error.Message);
    }

    [Fact]
    public void A_checkpoint_with_a_moving_average_is_refused_by_a_model_without_one_and_the_other_way_round()
    {
        string ema = Trained(o => new TinyEmaGan(o), "ema");
        string plain = Trained(o => new TinyGan(o), "plain");
        using var tiny = new TinyGan(Options());
        using var withAverage = new TinyEmaGan(Options());
        var tinyBefore = ModelBytes.Capture(tiny);
        var averageBefore = ModelBytes.Capture(withAverage);

        var extra = Assert.Throws<CheckpointException>(() => tiny.LoadCheckpoint(ema));
        var missing = Assert.Throws<CheckpointException>(() => withAverage.LoadCheckpoint(plain));

        Assert.Contains("'generator-ema' section, which this model does not have", extra.Message);
        Assert.Contains("no 'generator-ema' section (moving average of the generator TinyGenerator (EmaDecay))", missing.Message);
        ModelBytes.AssertSame(tinyBefore, ModelBytes.Capture(tiny));
        ModelBytes.AssertSame(averageBefore, ModelBytes.Capture(withAverage));
    }

    [Fact]
    public void A_checkpoint_of_another_optimizer_kind_is_refused_before_anything_is_loaded()
    {
        string rmsProp = Trained(o => new TinyRmsPropGan(o), "rmsprop");
        using var adam = new TinyGan(Options());
        var before = ModelBytes.Capture(adam);

        var error = Assert.Throws<CheckpointException>(() => adam.LoadCheckpoint(rmsProp));

        Assert.Contains("its generator optimizer is RMSprop but this model trains with Adam", error.Message);
        ModelBytes.AssertSame(before, ModelBytes.Capture(adam));
    }

    [Fact]
    public void An_rmsprop_section_for_other_parameters_is_refused_by_its_stand_in()
    {
        // Same networks, kinds recorded alike, but the optimizer state is of another model's parameters.
        string own = Trained(o => new TinyRmsPropGan(o), "own");
        var (metadata, sections) = CheckpointFile.Read(own);
        using (var other = new TinyGan(Options()))
        {
            var foreign = new MemoryStream();
            using (var rms = optim.RMSProp(new[] { new TorchSharp.Modules.Parameter(torch.zeros(5, 5)) }, 1e-3))
            using (var writer = new BinaryWriter(foreign, Encoding.UTF8, leaveOpen: true))
                rms.save_state_dict(writer);
            sections["discriminator-optimizer"] = foreign.ToArray();
        }
        string mixed = Path.Combine(_folder, "mixed.ckpt");
        CheckpointFile.Write(mixed, metadata, sections.Select(kv => (kv.Key, (Action<BinaryWriter>)(w => w.Write(kv.Value)))).ToList());
        using var gan = new TinyRmsPropGan(Options());
        var before = ModelBytes.Capture(gan);

        var error = Assert.Throws<CheckpointException>(() => gan.LoadCheckpoint(mixed));

        Assert.Contains("discriminator optimizer does not fit", error.Message);
        ModelBytes.AssertSame(before, ModelBytes.Capture(gan));
    }

    [Fact]
    public void Resuming_a_run_with_a_model_that_logs_other_metrics_is_refused_before_anything_changes()
    {
        using var data = TinyData.Create(32);
        string run = Path.Combine(_folder, "run");
        using (var gan = new TinyGan(Options())) gan.Fit(data, epochs: 1, batchSize: 16, output: run);
        var files = FolderHash.Of(run);
        using var hinge = new TinyHingeGan(Options());
        var before = ModelBytes.Capture(hinge);

        var error = Assert.Throws<InvalidDataException>(() => hinge.Fit(data, epochs: 2, batchSize: 16, output: run, resumeFrom: run));

        Assert.Contains("d_real", error.Message);
        Assert.Contains("critic_real", error.Message);
        Assert.Equal(files, FolderHash.Of(run));
        ModelBytes.AssertSame(before, ModelBytes.Capture(hinge));
    }

    [Fact]
    public void A_critic_run_logs_scores_and_the_penalty()
    {
        using var data = TinyData.Create(48);
        using var gan = new TinyCriticGan(Options());
        string run = Path.Combine(_folder, "critic");

        gan.Fit(data, epochs: 1, batchSize: 16, output: run);

        Assert.Equal("step,epoch,d_loss,g_loss,critic_real,critic_fake,gp,steps_per_second,seconds", File.ReadLines(Path.Combine(run, "metrics.csv")).First());
        Assert.True(File.Exists(Path.Combine(run, "loss.png")));
    }
}
