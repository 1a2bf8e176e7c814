using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace GanDsl.Tests.Generator;

/// <summary>
/// Checked-in snapshot files (Snapshots/*.verified.cs). A mismatch writes *.received.cs beside it and fails;
/// set GANDSL_ACCEPT_SNAPSHOTS=1 to overwrite the verified file with what was generated.
/// </summary>
internal static class Snapshot
{
    public static string Folder([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Snapshots");

    public static void Match(string name, string actual)
    {
        actual = Normalize(actual);
        Directory.CreateDirectory(Folder());
        var verified = Path.Combine(Folder(), name + ".verified.cs");
        var received = Path.Combine(Folder(), name + ".received.cs");
        if (Environment.GetEnvironmentVariable("GANDSL_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot {verified}; wrote {received}. Review it and run with GANDSL_ACCEPT_SNAPSHOTS=1 to accept."
            : $"Generated code differs from {verified} at line {FirstDifference(expected, actual)}; wrote {received}. Diff them, and run with GANDSL_ACCEPT_SNAPSHOTS=1 to accept.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return i + 1;
        return Math.Min(x.Length, y.Length) + 1;
    }
}
