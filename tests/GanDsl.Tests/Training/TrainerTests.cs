using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

// Resume equality is bit-exact only if no other test draws from TorchSharp's process-wide random generator meanwhile.
[Collection(SerialCollection.Name)]
public class TrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gandsl-trainer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static GanOptions Options(long seed = 11) => new() { Seed = seed, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 16 };

    private static Dictionary<string, float[]> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.cpu().to(ScalarType.Float32).data<float>().ToArray());

    private static bool Same(Dictionary<string, float[]> a, Dictionary<string, float[]> b, string prefix = "") =>
        a.Keys.Where(k => k.EndsWith("weight") || k.EndsWith("bias")).All(k => a[k].SequenceEqual(b[k]));

    [Fact]
    public void Discriminator_step_changes_only_discriminator_parameters()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(16);
        var g0 = Snapshot(gan.Generator);
        var d0 = Snapshot(gan.Discriminator);

        gan.DiscriminatorStep(data.Images);

        Assert.True(Same(g0, Snapshot(gan.Generator)), "G's parameters moved during a D step");
        Assert.False(Same(d0, Snapshot(gan.Discriminator)), "D's parameters did not move during a D step");
    }

    [Fact]
    public void Generator_step_changes_only_generator_parameters()
    {
        using var gan = new TinyGan(Options());
        var g0 = Snapshot(gan.Generator);
        var d0 = Snapshot(gan.Discriminator);

        gan.GeneratorStep(16);

        Assert.False(Same(g0, Snapshot(gan.Generator)), "G's parameters did not move during a G step");
        Assert.True(Same(d0, Snapshot(gan.Discriminator)), "D's parameters moved during a G step");
        Assert.All(gan.Discriminator.parameters(), p => Assert.True(p.requires_grad, "D must be unfrozen after the G step"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Short_run_has_finite_losses_and_writes_its_run_folder(bool minimax)
    {
        using GanModel<TinyGenerator, TinyDiscriminator> gan = minimax ? new TinyMinimaxGan(Options()) : new TinyGan(Options());
        using var data = TinyData.Create(64);
        var reports = new List<TrainingProgress>();

        var run = gan.Fit(data, epochs: 2, batchSize: 16, output: _folder, progress: new SyncProgress(reports.Add));

        Assert.Equal(8, run.LastStep);
        Assert.Equal(2, run.EpochsCompleted);
        Assert.All(reports, r => Assert.True(double.IsFinite(r.DLoss) && double.IsFinite(r.GLoss), $"non-finite loss at step {r.Step}"));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), reports.Select(r => r.Step));
        Assert.True(File.Exists(Path.Combine(_folder, "samples", "epoch-001.png")));
        Assert.True(File.Exists(Path.Combine(_folder, "samples", "epoch-002.png")));
        Assert.True(File.Exists(Path.Combine(_folder, "loss.png")));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(_folder, "metrics.csv")).Length); // header + 8 rows
        Assert.Equal(run.LatestCheckpoint, TinyGan.ResolveCheckpoint(_folder));
    }

    [Fact]
    public void Sample_returns_images_in_range_with_the_declared_shape()
    {
        using var gan = new TinyGan(Options());
        using var images = gan.Sample(5);
        Assert.Equal(new long[] { 5, 1, 6, 6 }, images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
    }

    [Fact]
    public void Resumed_run_continues_the_step_counter_and_matches_an_uninterrupted_run()
    {
        using var data = TinyData.Create(80);
        string whole = Path.Combine(_folder, "whole"), split = Path.Combine(_folder, "split");

        using var uninterrupted = new TinyGan(Options());
        uninterrupted.Fit(data, epochs: 3, batchSize: 16, output: whole);

        using (var first = new TinyGan(Options()))
        {
            var partial = first.Fit(data, epochs: 3, batchSize: 16, output: split, maxSteps: 7); // stops mid-epoch 2
            Assert.Equal(7, partial.LastStep);
        }
        using var resumed = new TinyGan(Options(seed: 11));
        var rest = resumed.Fit(data, epochs: 3, batchSize: 16, output: split, resumeFrom: split);

        Assert.Equal(7, rest.FirstStep);
        Assert.Equal(15, rest.LastStep);
        foreach (var (a, b) in new[] { (uninterrupted.Generator as nn.Module, resumed.Generator as nn.Module), (uninterrupted.Discriminator, resumed.Discriminator) })
        {
            var expected = Snapshot(a);
            var actual = Snapshot(b);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var key in expected.Keys) Assert.True(expected[key].SequenceEqual(actual[key]), $"{key} differs after resume");
        }
        var steps = File.ReadAllLines(Path.Combine(split, "metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0])).ToArray();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), steps);
    }

    [Fact]
    public void Corrupt_or_truncated_checkpoint_is_refused_and_the_previous_one_stays_usable()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(32);
        gan.Fit(data, epochs: 1, batchSize: 16, output: _folder);
        string previous = TinyGan.ResolveCheckpoint(_folder);
        gan.Fit(data, epochs: 2, batchSize: 16, output: _folder);
        string latest = TinyGan.ResolveCheckpoint(_folder);
        Assert.NotEqual(previous, latest);

        var bytes = File.ReadAllBytes(latest);
        File.WriteAllBytes(latest, bytes[..(bytes.Length / 2)]);
        var truncated = Assert.Throws<CheckpointException>(() => TinyGan.Load(_folder, Options()));
        Assert.Contains(latest, truncated.Message);
        Assert.Contains("checksum", truncated.Message);

        bytes[bytes.Length / 3] ^= 0xFF;
        File.WriteAllBytes(latest, bytes);
        Assert.Throws<CheckpointException>(() => TinyGan.Load(latest, Options()));

        File.WriteAllText(latest, "not a checkpoint");
        Assert.Contains("not a GanDsl checkpoint", Assert.Throws<CheckpointException>(() => TinyGan.Load(latest, Options())).Message);

        using var restored = TinyGan.Load(previous, Options());
        Assert.Equal(2, restored.Step);
        Assert.Equal(1, restored.Epoch);
    }

    [Fact]
    public void Checkpoint_for_another_model_is_refused_with_both_shapes()
    {
        using var tiny = new TinyGan(Options());
        string path = Path.Combine(_folder, "tiny.ckpt");
        tiny.Save(path);
        var error = Assert.Throws<CheckpointException>(() => GanDsl.Examples.Models.FashionMlpGan.Load(path, Options()));
        Assert.Contains("(1, 6, 6)", error.Message);
        Assert.Contains("(1, 28, 28)", error.Message);
    }

    [Fact]
    public void Save_and_load_round_trip_restores_weights_and_counters()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(32);
        gan.Fit(data, epochs: 1, batchSize: 16);
        string path = Path.Combine(_folder, "final");
        gan.Save(path);

        using var again = TinyGan.Load(path, Options());
        Assert.Equal(gan.Step, again.Step);
        Assert.True(Same(Snapshot(gan.Generator), Snapshot(again.Generator)));
        Assert.True(Same(Snapshot(gan.Discriminator), Snapshot(again.Discriminator)));
    }

    [Fact]
    public void Wrong_real_batch_shape_throws_naming_both_shapes()
    {
        using var gan = new TinyGan(Options());
        using var wrong = torch.zeros(4, 1, 28, 28);
        var error = Assert.Throws<BatchShapeException>(() => gan.TrainStep(wrong));
        Assert.Contains("(1, 6, 6)", error.Message);
        Assert.Contains("(4, 1, 28, 28)", error.Message);
        Assert.Equal(0, gan.Step);
    }

    [Fact]
    public void Wrong_layout_with_the_same_values_per_sample_says_how_to_fix_it()
    {
        using var gan = new TinyGan(Options());
        using var flat = torch.zeros(4, 36);
        var error = Assert.Throws<BatchShapeException>(() => gan.TrainStep(flat));
        Assert.Contains("both hold 36 values per sample", error.Message);
        Assert.Contains("batch.reshape(-1, 1, 6, 6)", error.Message);

        // (6, 6) data: a discriminator cannot be declared on a rank-2 shape, so only the reshape is suggested.
        using var square = torch.zeros(4, 6, 6);
        var squareError = Assert.Throws<BatchShapeException>(() => gan.TrainStep(square)).Message;
        Assert.Contains("batch.reshape(-1, 1, 6, 6)", squareError);
        Assert.DoesNotContain("declare the discriminator", squareError);

        using var other = torch.zeros(4, 35);
        Assert.DoesNotContain("values per sample", Assert.Throws<BatchShapeException>(() => gan.TrainStep(other)).Message);
    }

    [Fact]
    public void Fit_refuses_a_dataset_of_the_wrong_shape_before_training()
    {
        using var gan = new TinyGan(Options());
        using var data = GanDsl.Data.ImageDataset.FromTensor(torch.zeros(8, 3, 6, 6), null, "rgb");
        var error = Assert.Throws<BatchShapeException>(() => gan.Fit(data, 1, 4));
        Assert.Contains("(1, 6, 6)", error.Message);
        Assert.Equal(0, gan.Step);
    }
}
