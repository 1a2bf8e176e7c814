using System.IO;
using System.Runtime.CompilerServices;

namespace GanDsl.Tests.Packaging;

/// <summary>Files of the repository the tests are compiled from (found from this source file's path).</summary>
internal static class RepositoryFiles
{
    public static string Root([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
