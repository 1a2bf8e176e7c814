using System;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>A NaN or infinite loss or weight stops the run at once, and no checkpoint of broken weights is written.</summary>
[Collection(SerialCollection.Name)]
public sealed class DivergenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-divergence-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 11, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 4, CheckpointEvery = 2 };

    private static void Poison(nn.Module module, float value)
    {
        using var _ = torch.no_grad();
        module.parameters().First().fill_(value);
    }

    private static string[] Checkpoints(string run) =>
        Directory.GetFiles(Path.Combine(run, "checkpoints"), "step-*.ckpt").Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public void A_nan_loss_stops_the_run_at_that_step_and_the_last_good_checkpoint_stays_latest()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(80); // 5 steps per epoch; a checkpoint every 2 steps
        string run = Path.Combine(_folder, "nan");
        // The report of step 3 (no checkpoint there) breaks G; step 4's losses come out NaN.
        var progress = new SyncProgress(p => { if (p.Step == 3) Poison(gan.Generator, float.NaN); });

        var error = Assert.Throws<TrainingDivergedException>(() => gan.Fit(data, epochs: 3, batchSize: 16, output: run, progress: progress));

        Assert.Equal(4, error.Step);
        Assert.Contains("step 4", error.Message);
        Assert.Contains("NaN", error.Message);
        Assert.Contains("generator", error.Message); // its weights are the broken ones
        Assert.Equal(new[] { "step-000000002.ckpt" }, Checkpoints(run));
        Assert.EndsWith("step-000000002.ckpt", TinyGan.ResolveCheckpoint(run));
        Assert.Equal(TinyGan.ResolveCheckpoint(run), error.LastGoodCheckpoint);
        using var restored = TinyGan.Load(run, Options());
        Assert.All(restored.Generator.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));
    }

    [Fact]
    public void Infinite_weights_found_before_a_checkpoint_stop_the_run_without_writing_it()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "inf");
        // Step 4's losses are finite; its weights turn infinite before its checkpoint is written.
        var progress = new SyncProgress(p => { if (p.Step == 4) Poison(gan.Discriminator, float.PositiveInfinity); });

        var error = Assert.Throws<TrainingDivergedException>(() => gan.Fit(data, epochs: 3, batchSize: 16, output: run, progress: progress));

        Assert.Equal(4, error.Step);
        Assert.Equal("discriminator", error.Network);
        Assert.Contains("step 4", error.Message);
        Assert.Equal(new[] { "step-000000002.ckpt" }, Checkpoints(run));
        Assert.EndsWith("step-000000002.ckpt", TinyGan.ResolveCheckpoint(run));
    }
}
