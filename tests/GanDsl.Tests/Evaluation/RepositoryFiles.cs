using System;
using System.IO;

namespace GanDsl.Tests.Evaluation;

/// <summary>Files of the repository the tests run from (the README states numbers the tests check).</summary>
internal static class RepositoryFiles
{
    public static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "GanDsl.sln"))) return File.ReadAllText(path);
        }
        throw new FileNotFoundException("README.md of the repository not found above " + AppContext.BaseDirectory);
    }
}
