using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>LearningRateDecay: both rates fall linearly over the last fraction of the step budget, by step and budget
/// alone, so a resumed run trains at the rates of one that never stopped.</summary>
[Collection(SerialCollection.Name)]
public sealed class LearningRateDecayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-decay-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 5, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 4 };

    [Theory]
    [InlineData(1.0, 4, new[] { 1.0, 0.75, 0.5, 0.25 })]                             // from the first step
    [InlineData(0.5, 8, new[] { 1.0, 1, 1, 1, 1, 0.75, 0.5, 0.25 })]                  // the second half: 4 / 4, 3 / 4, ...
    [InlineData(0.0, 3, new[] { 1.0, 1, 1 })]                                         // off
    [InlineData(0.1, 5, new[] { 1.0, 1, 1, 1, 1 })]                                   // under one step of decay: never below 1 / 1
    public void The_scale_falls_by_one_over_the_decay_steps_to_that_at_the_last_step(double decay, long planned, double[] expected)
    {
        var scales = Enumerable.Range(0, (int)planned).Select(s => LearningRateSchedule.Scale(decay, s, planned));
        Assert.Equal(expected, scales.Select(s => Math.Round(s, 12)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_decay_outside_zero_to_one_is_refused(double decay) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Scale(decay, 0, 10));

    [Fact]
    public void Each_optimizer_ends_a_run_at_its_own_rate_over_the_budget()
    {
        // 80 images in batches of 16 are 5 steps an epoch; 2 epochs = 10 planned steps, all decaying: the last (step
        // 10, 0-based 9) trains at 1 / 10 of each rate. maxSteps = 4 makes the budget 4: the last trains at 1 / 4.
        using var data = TinyData.Create(80);
        using (var gan = new TinyDecayGan(Options()))
        {
            gan.Fit(data, epochs: 2, batchSize: 16);
            Assert.Equal(1e-4, gan.GeneratorOptimizer.ParamGroups.Single().LearningRate, 12);
            Assert.Equal(4e-4, gan.DiscriminatorOptimizer.ParamGroups.Single().LearningRate, 12);
        }
        using (var gan = new TinyDecayGan(Options()))
        {
            gan.Fit(data, epochs: 2, batchSize: 16, maxSteps: 4);
            Assert.Equal(2.5e-4, gan.GeneratorOptimizer.ParamGroups.Single().LearningRate, 12);
        }
        using var constant = new TinyHingeGan(Options());
        constant.Fit(data, epochs: 2, batchSize: 16);
        Assert.Equal(1e-3, constant.GeneratorOptimizer.ParamGroups.Single().LearningRate, 12);
    }

    [Fact]
    public void The_decay_changes_the_training()
    {
        // The same pair and rates without the decay: the first step alike (full rates), the weights after ten apart.
        using var data = TinyData.Create(80);
        using var decayed = new TinyDecayGan(Options());
        using var constant = new TinyTturGan(Options());
        Assert.Equal(FirstWeights.Of(decayed.Generator), FirstWeights.Of(constant.Generator));
        decayed.Fit(data, epochs: 2, batchSize: 16);
        constant.Fit(data, epochs: 2, batchSize: 16);
        Assert.NotEqual(FirstWeights.Of(decayed.Generator), FirstWeights.Of(constant.Generator));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void A_run_stopped_and_resumed_ends_with_the_weights_and_rates_of_an_uninterrupted_one(int stopAt)
    {
        using var data = TinyData.Create(80);
        string whole = Path.Combine(_folder, "whole"), split = Path.Combine(_folder, "split");
        using (var uninterrupted = new TinyDecayGan(Options()))
            uninterrupted.Fit(data, epochs: 2, batchSize: 16, output: whole);
        // Stopped by cancellation (as Ctrl+C or a wall-clock budget stop it), so its budget stays 2 epochs.
        using (var first = new TinyDecayGan(Options()))
        {
            using var stop = new CancellationTokenSource();
            var run = first.Fit(data, epochs: 2, batchSize: 16, output: split,
                progress: new SyncProgress(p => { if (p.Step >= stopAt) stop.Cancel(); }), cancellationToken: stop.Token);
            Assert.Equal(stopAt, run.LastStep);
        }

        using var resumed = new TinyDecayGan(Options());
        var rest = resumed.Fit(data, epochs: 2, batchSize: 16, output: split, resumeFrom: split);

        Assert.Equal(10, rest.LastStep);
        CheckpointSections.AssertSame(TinyDecayGan.ResolveCheckpoint(whole), rest.LatestCheckpoint!);
        Assert.Equal(1e-4, resumed.GeneratorOptimizer.ParamGroups.Single().LearningRate, 12);
    }
}
