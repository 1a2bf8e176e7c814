using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using GanDsl.Tests.Data;
using Xunit;

namespace GanDsl.Tests.Examples;

/// <summary>
/// SIGKILL at any moment loses at most the steps after the last complete checkpoint: a real child process (the
/// examples program) is killed mid-epoch between checkpoints, while a checkpoint's temporary file is written but not
/// yet renamed, and right after a checkpoint; each is resumed to the same final step and must end with weights and
/// optimizer states bit-identical to an uninterrupted run. The child pauses where we want it through the
/// GANDSL_TEST_PAUSE hook (see src/GanDsl/Training/TestPause.cs) and prints a marker line; then it is killed.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class KillAndResumeTests : IDisposable, IClassFixture<KillAndResumeTests.UninterruptedRun>
{
    /// <summary>The same run without a kill, trained once for all cases.</summary>
    public sealed class UninterruptedRun : IDisposable
    {
        public UninterruptedRun()
        {
            RunToEnd(Arguments(Folder));
            Assert.Equal(FinalCheckpoint, Latest(Folder));
        }

        public string Folder { get; } = Path.Combine(Directory.CreateTempSubdirectory("gandsl-whole-").FullName, "run");

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
    }

    private readonly UninterruptedRun _whole;

    public KillAndResumeTests(UninterruptedRun whole) => _whole = whole;

    // 64 images in batches of 16: 4 steps per epoch. Checkpoints at 3, 4 (epoch end), 6, 8 (end), 9, 10 (stop).
    private const string FinalCheckpoint = "step-000000010.ckpt";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] Arguments(string run) =>
    [
        Path.Combine(AppContext.BaseDirectory, "GanDsl.Examples.dll"), "fashion-mlp",
        "--data", ShippedData.FashionMnistFolder(), "--limit", "64", "--batch-size", "16",
        "--max-steps", "10", "--checkpoint-every", "3", "--out", run, "--cpu",
    ];

    private static Process Start(string[] arguments, string? pause)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment.Remove("GANDSL_TEST_PAUSE");
        if (pause is not null) start.Environment["GANDSL_TEST_PAUSE"] = pause;
        return Process.Start(start)!;
    }

    private static void RunToEnd(params string[] arguments)
    {
        using var child = Start(arguments, pause: null);
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEndAsync();
        Assert.True(child.WaitForExit(Patience), "the child did not finish");
        Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}: {error.Result}\n{output.Result}");
    }

    /// <summary>Starts a run that pauses at <paramref name="pause"/>, waits for its marker line, and SIGKILLs it.</summary>
    private static void KillWhenPaused(string[] arguments, string pause)
    {
        using var child = Start(arguments, pause);
        var error = child.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains("GANDSL_TEST_PAUSED " + pause))
            Assert.True(clock.Elapsed < Patience, "the child never paused");
        if (line is null) Assert.Fail($"the child ended without pausing at {pause}: {error.Result}");
        child.Kill(); // SIGKILL on Unix: no finally blocks, no flushing, no clean-up
        child.WaitForExit();
    }

    private static string Latest(string run) => File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim();

    private static byte[][] Sections(string checkpoint)
    {
        var sections = CheckpointFile.Read(checkpoint).Sections;
        return new[] { "generator", "discriminator", "generator-optimizer", "discriminator-optimizer" }.Select(n => sections[n]).ToArray();
    }

    [Theory]
    [InlineData("after-step:5", "step-000000004.ckpt", false)]                     // mid-epoch 2, between checkpoints 4 and 6
    [InlineData("before-rename:step-000000006.ckpt", "step-000000004.ckpt", true)] // during a mid-epoch checkpoint write
    [InlineData("before-rename:step-000000008.ckpt", "step-000000006.ckpt", true)] // during an epoch-end checkpoint write
    [InlineData("after-step:9", "step-000000009.ckpt", false)]                     // right after a checkpoint
    public void A_run_killed_at_any_moment_resumes_to_the_weights_of_an_uninterrupted_run(string pause, string latestAfterKill, bool tempFileLeft)
    {
        string killed = Path.Combine(_folder, "killed");
        KillWhenPaused(Arguments(killed), pause);
        Assert.Equal(latestAfterKill, Latest(killed));
        var checkpoints = Path.Combine(killed, "checkpoints");
        Assert.Equal(tempFileLeft, Directory.GetFiles(checkpoints, "*.tmp").Length > 0);
        Assert.True(File.Exists(Path.Combine(checkpoints, latestAfterKill)));

        RunToEnd([.. Arguments(killed), "--resume", killed]);

        Assert.Equal(FinalCheckpoint, Latest(killed));
        var expected = Sections(Path.Combine(_whole.Folder, "checkpoints", FinalCheckpoint));
        var actual = Sections(Path.Combine(checkpoints, FinalCheckpoint));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"section {i} differs from the uninterrupted run");
        Assert.Empty(Directory.GetFiles(checkpoints, "*.tmp"));
    }
}
