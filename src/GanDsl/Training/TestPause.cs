using System;
using System.IO;
using System.Threading;

namespace GanDsl;

/// <summary>
/// A test hook, inert unless the environment variable GANDSL_TEST_PAUSE is set. The kill-and-resume test
/// (tests/GanDsl.Tests/Examples/KillAndResumeTests.cs) sets it in a child training process so that the process
/// stops at an exact point, prints "GANDSL_TEST_PAUSED &lt;value&gt;" on standard output and waits to be killed.
/// Values: "after-step:N" (step N and everything it writes are done) or "before-rename:FILE" (the temporary file of
/// checkpoint FILE is complete on disk and not yet renamed). After ten minutes unkilled it goes on.
/// </summary>
internal static class TestPause
{
    public const string Variable = "GANDSL_TEST_PAUSE";

    private static readonly string? Point = Environment.GetEnvironmentVariable(Variable);

    public static void AfterStep(long step)
    {
        if (Point is not null && Point == $"after-step:{step}") Hold();
    }

    public static void BeforeRename(string path)
    {
        if (Point is not null && Point == $"before-rename:{Path.GetFileName(path)}") Hold();
    }

    private static void Hold()
    {
        Console.Out.WriteLine($"GANDSL_TEST_PAUSED {Point}");
        Console.Out.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(10));
    }
}
