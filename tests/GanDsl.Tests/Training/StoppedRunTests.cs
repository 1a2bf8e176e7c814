using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>A run stopped by its step budget or cancelled still leaves a sample picture of where it stopped, and its
/// progress reports carry the budget.</summary>
[Collection(SerialCollection.Name)]
public sealed class StoppedRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-stopped-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options() => new() { Seed = 11, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 4 };

    [Fact]
    public void A_run_stopped_by_max_steps_writes_its_final_sample_grid_and_reports_the_budget()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "budget");
        var reports = new List<TrainingProgress>();

        var result = gan.Fit(data, epochs: 3, batchSize: 16, output: run, progress: new SyncProgress(reports.Add), maxSteps: 7);

        string grid = Path.Combine(run, "samples", "step-000000007.png");
        Assert.True(File.Exists(grid), "no sample grid for the step the run stopped at");
        Assert.Equal(grid, result.SamplePicture);
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001.png")));
        Assert.All(reports, r => Assert.Equal(7, r.MaxSteps));
    }

    [Fact]
    public void A_cancelled_run_writes_its_final_sample_grid_and_checkpoint()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "cancelled");
        using var cancel = new CancellationTokenSource();

        var result = gan.Fit(data, epochs: 3, batchSize: 16, output: run,
            progress: new SyncProgress(p => { if (p.Step == 3) cancel.Cancel(); }), cancellationToken: cancel.Token);

        Assert.Equal(3, result.LastStep);
        Assert.True(File.Exists(Path.Combine(run, "samples", "step-000000003.png")));
        Assert.EndsWith("step-000000003.ckpt", TinyGan.ResolveCheckpoint(run));
    }

    [Fact]
    public void A_run_that_trains_no_step_writes_no_picture()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "none");

        var result = gan.Fit(data, epochs: 3, batchSize: 16, output: run, maxSteps: 0);

        Assert.Null(result.SamplePicture);
        Assert.Null(result.LatestCheckpoint);
        Assert.False(File.Exists(Path.Combine(run, "loss.png")));
    }
}
