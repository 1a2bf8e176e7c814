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

/// <summary>The graph models of the test project (Graphs/), read as text for the in-memory generator run.</summary>
internal static class GraphSources
{
    public static string Read(string fileName, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "Graphs", fileName));
}
