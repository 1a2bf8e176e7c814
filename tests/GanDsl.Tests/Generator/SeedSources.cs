using System.IO;
using System.Runtime.CompilerServices;

namespace GanDsl.Tests.Generator;

/// <summary>The seed model files of the examples project, read as text so the in-memory generator run sees exactly
/// what the real build compiles.</summary>
internal static class SeedSources
{
    public static string Read(string fileName, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "examples", "GanDsl.Examples", "Models", fileName));
}
