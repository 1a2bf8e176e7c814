using System;
using System.IO;
using System.Linq;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>A run folder holds one run: a fresh run, or a resumed run of another run, never overwrites it; pruning
/// keeps the checkpoint 'latest' names and deletes only older checkpoints of the run that writes.</summary>
[Collection(SerialCollection.Name)]
public sealed class RunFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-runfolder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GanOptions Options(long seed = 11, int checkpointEvery = 0) =>
        new() { Seed = seed, Device = ComputeDevice.Cpu, GridSamples = 4, CheckpointEvery = checkpointEvery };

    private static string Latest(string run) => TinyGan.ResolveCheckpoint(run);

    [Fact]
    public void A_fresh_run_into_a_folder_that_holds_a_run_is_refused_and_destroys_nothing()
    {
        // The repro: 10, resumed to 20, resumed to 30 steps; then a fresh 5-step run into the same folder.
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "run");
        foreach (var (steps, resume) in new[] { (10L, false), (20L, true), (30L, true) })
        {
            using var gan = new TinyGan(Options());
            gan.Fit(data, epochs: 10, batchSize: 16, output: run, maxSteps: steps, resumeFrom: resume ? run : null);
        }
        var before = FolderHash.Of(run);

        using (var fresh = new TinyGan(Options()))
        {
            var error = Assert.Throws<RunFolderInUseException>(() => fresh.Fit(data, epochs: 10, batchSize: 16, output: run, maxSteps: 5));
            Assert.Equal(Path.GetFullPath(run), error.Folder);
            Assert.Contains("step 30", error.Message);
            Assert.Contains("resumeFrom", error.Message);
            Assert.Equal(0, fresh.Step);
        }
        Assert.Equal(before, FolderHash.Of(run));
        Assert.True(File.Exists(Latest(run)));

        // Resuming it still works: it is at step 30 already, so a budget of 8 trains nothing.
        using var resumed = new TinyGan(Options());
        var again = resumed.Fit(data, epochs: 10, batchSize: 16, output: run, maxSteps: 8, resumeFrom: run);
        Assert.Equal(30, again.LastStep);
        Assert.EndsWith("step-000000030.ckpt", again.LatestCheckpoint ?? Latest(run));
    }

    [Fact]
    public void Resuming_one_run_into_the_folder_of_another_is_refused_and_changes_neither_model_nor_folder()
    {
        using var data = TinyData.Create(80);
        string a = Path.Combine(_folder, "a"), b = Path.Combine(_folder, "b");
        using (var gan = new TinyGan(Options(seed: 1))) gan.Fit(data, epochs: 1, batchSize: 16, output: a);
        using (var gan = new TinyGan(Options(seed: 2))) gan.Fit(data, epochs: 1, batchSize: 16, output: b);
        var folderBefore = FolderHash.Of(b);

        using var model = new TinyGan(Options(seed: 3));
        var modelBefore = ModelBytes.Capture(model);
        var error = Assert.Throws<RunFolderInUseException>(() => model.Fit(data, epochs: 2, batchSize: 16, output: b, resumeFrom: a));
        Assert.Contains("another run", error.Message);

        Assert.Equal(folderBefore, FolderHash.Of(b));
        ModelBytes.AssertSame(modelBefore, ModelBytes.Capture(model));

        // Into an empty folder the same resume is fine: the run goes on there.
        string c = Path.Combine(_folder, "c");
        var run = model.Fit(data, epochs: 2, batchSize: 16, output: c, resumeFrom: a);
        Assert.Equal(10, run.LastStep);
    }

    [Fact]
    public void A_model_that_moved_on_since_the_folder_s_latest_checkpoint_cannot_write_there()
    {
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "run");
        using var gan = new TinyGan(Options());
        gan.Fit(data, epochs: 1, batchSize: 16, output: run);
        gan.Fit(data, epochs: 2, batchSize: 16, output: run); // the same run, continued where its folder left off: fine
        Assert.EndsWith("step-000000010.ckpt", Latest(run));

        gan.TrainStep(data.Images[..16]); // step 11 happened outside the folder
        var before = FolderHash.Of(run);
        var error = Assert.Throws<RunFolderInUseException>(() => gan.Fit(data, epochs: 3, batchSize: 16, output: run));
        Assert.Contains("step 11", error.Message);
        Assert.Contains("step 10", error.Message);
        Assert.Equal(before, FolderHash.Of(run));
    }

    [Fact]
    public void A_folder_with_metrics_but_no_checkpoint_is_refused_and_unrelated_files_are_not_a_run()
    {
        using var data = TinyData.Create(32);
        string used = Directory.CreateDirectory(Path.Combine(_folder, "used")).FullName;
        File.WriteAllText(Path.Combine(used, "metrics.csv"), GanDsl.Output.MetricsRow.Header(new[] { "d_loss", "g_loss", "d_real", "d_fake" }) + "\n1,1,0.5,0.5,0.5,0.5,1,1\n");
        using (var gan = new TinyGan(Options()))
            Assert.Contains("metrics.csv", Assert.Throws<RunFolderInUseException>(() => gan.Fit(data, 1, 16, output: used)).Message);

        string other = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        using (var gan = new TinyGan(Options()))
            gan.Fit(data, 1, 16, output: other);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(other, "notes.txt")));
    }

    [Fact]
    public void Pruning_keeps_the_latest_checkpoint_and_deletes_only_older_ones_of_the_same_run()
    {
        using var data = TinyData.Create(80);
        string mine = Path.Combine(_folder, "mine");
        using (var gan = new TinyGan(Options(seed: 1, checkpointEvery: 2))) gan.Fit(data, epochs: 10, batchSize: 16, output: mine, maxSteps: 6);
        // Someone copies three checkpoints of another run, with higher step numbers, into this run's folder.
        var foreign = new[] { 30, 35, 40 }.Select(step => $"step-{step:D9}.ckpt").ToArray();
        using (var other = new TinyGan(Options(seed: 2)))
            foreach (var name in foreign) other.Save(Path.Combine(mine, "checkpoints", name));

        using var resumed = new TinyGan(Options(seed: 1, checkpointEvery: 2));
        var run = resumed.Fit(data, epochs: 10, batchSize: 16, output: mine, maxSteps: 10, resumeFrom: mine);

        Assert.Equal(Latest(mine), run.LatestCheckpoint);
        Assert.True(File.Exists(Latest(mine)), "the checkpoint 'latest' names was deleted");
        Assert.EndsWith("step-000000010.ckpt", Latest(mine));
        var left = Directory.GetFiles(Path.Combine(mine, "checkpoints"), "step-*.ckpt").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "step-000000006.ckpt", "step-000000008.ckpt", "step-000000010.ckpt" }.Concat(foreign).Order(), left);
    }

    [Fact]
    public void A_checkpoint_from_before_run_ids_still_resumes_in_its_folder()
    {
        using var data = TinyData.Create(80);
        string run = Path.Combine(_folder, "old");
        using (var gan = new TinyGan(Options())) gan.Fit(data, epochs: 2, batchSize: 16, output: run, maxSteps: 3);
        LegacyCheckpoint.Strip(Latest(run));
        Assert.Null(CheckpointFile.Read(Latest(run)).Metadata.RunId);

        using var resumed = new TinyGan(Options());
        var result = resumed.Fit(data, epochs: 2, batchSize: 16, output: run, resumeFrom: run);
        Assert.Equal(3, result.FirstStep);
        Assert.Equal(10, result.LastStep); // the 48 images of epoch 1 already seen are skipped
    }
}
