using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>
/// Steps of several critic updates: a step is one G update and draws one real batch per D update, so a step can end an
/// epoch in its middle and go on into the next. Resuming stays exact, also mid-step-boundary and across epochs.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class CriticStepsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-critic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 13, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 4 };

    [Fact]
    public void Each_step_draws_three_batches_and_epochs_end_inside_steps()
    {
        // 80 images in batches of 16: 5 batches per epoch, 3 per step. Step 2 ends epoch 1 with its second batch,
        // step 4 ends epoch 2 with its first, step 5 ends epoch 3 with its last; 7 steps finish 4 epochs.
        using var gan = new TinyCriticGan(Options());
        using var data = TinyData.Create(80);
        var reports = new List<TrainingProgress>();

        var run = gan.Fit(data, epochs: 4, batchSize: 16, output: Path.Combine(_folder, "run"), progress: new SyncProgress(reports.Add));

        Assert.Equal(7, run.LastStep);
        Assert.Equal(4, run.EpochsCompleted);
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 4, 4 }, reports.Select(r => r.Epoch));
        var samples = Directory.GetFiles(Path.Combine(_folder, "run", "samples")).Select(Path.GetFileName).Order();
        Assert.Equal(new[] { "epoch-001.png", "epoch-002.png", "epoch-003.png", "epoch-004.png" }, samples);
        var metadata = CheckpointFile.Read(run.LatestCheckpoint!).Metadata;
        Assert.Equal((7L, 4, 16L), (metadata.Step, metadata.Epoch, metadata.ImagesInEpoch!.Value)); // one batch of epoch 5 drawn
    }

    [Theory]
    [InlineData(1)] // stops after step 1: 48 images of epoch 1 seen
    [InlineData(3)] // stops after step 3: inside epoch 2, which began within step 2
    [InlineData(4)] // stops after step 4, which ended epoch 2 and drew two batches of epoch 3
    public void A_resumed_run_with_critic_steps_ends_with_the_weights_of_an_uninterrupted_one(int stopAt)
    {
        using var data = TinyData.Create(80);
        string whole = Path.Combine(_folder, "whole"), split = Path.Combine(_folder, "split");
        using (var uninterrupted = new TinyCriticGan(Options()))
            uninterrupted.Fit(data, epochs: 4, batchSize: 16, output: whole);
        using (var first = new TinyCriticGan(Options()))
            Assert.Equal(stopAt, first.Fit(data, epochs: 4, batchSize: 16, output: split, maxSteps: stopAt).LastStep);

        using var resumed = new TinyCriticGan(Options());
        var rest = resumed.Fit(data, epochs: 4, batchSize: 16, output: split, resumeFrom: split);

        Assert.Equal(7, rest.LastStep);
        CheckpointSections.AssertSame(TinyCriticGan.ResolveCheckpoint(whole), rest.LatestCheckpoint!);
        var steps = File.ReadAllLines(Path.Combine(split, "metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0]));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), steps);
    }

    [Fact]
    public void A_resumed_run_may_change_the_batch_size_and_sees_each_remaining_image_once()
    {
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "batch");
        using (var first = new TinyCriticGan(Options()))
            first.Fit(data, epochs: 2, batchSize: 16, output: run, maxSteps: 1); // 48 images of epoch 1 seen

        using var resumed = new TinyCriticGan(Options());
        var result = resumed.Fit(data, epochs: 1, batchSize: 8, output: run, resumeFrom: run);

        // The other 32 images in batches of 8 are 4 D updates: step 2 takes 3, step 3 takes the last and 2 of epoch 2.
        Assert.Equal(3, result.LastStep);
        Assert.Equal(1, result.EpochsCompleted);
        Assert.Equal(16, CheckpointFile.Read(result.LatestCheckpoint!).Metadata.ImagesInEpoch);
    }
}
