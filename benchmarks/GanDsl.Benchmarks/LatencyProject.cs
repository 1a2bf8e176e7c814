using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace GanDsl.Benchmarks;

/// <summary>
/// A package user's project with N GanDsl models, made from the CI's consumer template (.ci/consumer/Consumer.csproj)
/// against this checkout packed into a private feed. The package gets its own version and a private global packages
/// folder (everything else comes from the shared NuGet cache as a fallback folder), so nothing here touches the
/// shared cache that .ci/pack-and-consume rebuilds.
/// </summary>
internal sealed class LatencyProject
{
    /// <summary>The model every edit touches, alone in its file: the edits remove and restore its [Flatten] (GAN004).</summary>
    public const string EditedFile = "Edited.cs";
    public const string Fitting = "[Flatten, Dense(1)]";
    public const string Misfit = "[Dense(1)]";

    /// <summary>The edited file as it starts: a fitting discriminator.</summary>
    public static readonly string EditedSource =
        "using GanDsl;\nnamespace Bench;\n\n[GanDiscriminator(1, 28, 28)]\n[Conv2d(16, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.2)]\n"
        + Fitting + "\npublic partial class EditedDiscriminator { }\n";

    private LatencyProject(string folder) => Folder = folder;

    public string Folder { get; }
    public string EditedPath => Path.Combine(Folder, EditedFile);

    /// <summary>Packs src/GanDsl (Release) into <paramref name="feed"/> under a version of its own; returns the version.</summary>
    public static string Pack(string repository, string feed)
    {
        var props = File.ReadAllText(Path.Combine(repository, "Directory.Build.props"));
        string version = Regex.Match(props, "<GanDslVersion>(.*)</GanDslVersion>").Groups[1].Value + "-ide-latency";
        Run(repository, "dotnet", "pack", "src/GanDsl/GanDsl.csproj", "-c", "Release", "-o", feed, "--nologo", "-v", "q", $"-p:GanDslVersion={version}");
        return version;
    }

    /// <summary>Writes and restores a project with <paramref name="models"/> models: the edited discriminator and
    /// N - 1 others in files of three (generator, discriminator, [Gan]). With <paramref name="analyzerOff"/> a global
    /// analyzer config sets every GAN diagnostic to none, so Roslyn skips GanDsl's analyzer (the generator still runs).</summary>
    public static LatencyProject Create(string repository, string root, string feed, string version, int models, bool analyzerOff)
    {
        var project = new LatencyProject(Path.Combine(root, $"Models{models}{(analyzerOff ? "-analyzer-off" : "")}"));
        Directory.CreateDirectory(project.Folder);
        var props = File.ReadAllText(Path.Combine(repository, "Directory.Build.props"));
        string torchSharp = Regex.Match(props, "<TorchSharpVersion>(.*)</TorchSharpVersion>").Groups[1].Value;
        File.WriteAllText(Path.Combine(project.Folder, "Bench.csproj"),
            File.ReadAllText(Path.Combine(repository, ".ci", "consumer", "Consumer.csproj"))
                .Replace("GANDSL_VERSION", version).Replace("TORCHSHARP_VERSION", torchSharp));
        string shared = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(project.Folder, "nuget.config"), $"""
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="gandsl-latency" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="shared" value="{shared}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        if (analyzerOff)
        {
            // A .globalconfig (found by the SDK like .editorconfig), not an .editorconfig section: Roslyn then skips an
            // analyzer whose every diagnostic is off, instead of running it and dropping what it reports.
            File.WriteAllText(Path.Combine(project.Folder, ".globalconfig"),
                "is_global = true\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"dotnet_diagnostic.GAN{i:000}.severity = none\n")));
        }
        File.WriteAllText(Path.Combine(project.Folder, "Program.cs"), "public static class Program\n{\n    public static void Main() { }\n}\n");
        int others = models - 1;
        for (int i = 0; i < others / 3; i++)
            File.WriteAllText(Path.Combine(project.Folder, $"Models{i}.cs"), ModelSources.Triple(i));
        if (others % 3 != 0)
            File.WriteAllText(Path.Combine(project.Folder, $"Models{others / 3}.cs"), ModelSources.Triple(others / 3, others % 3));
        File.WriteAllText(project.EditedPath, EditedSource);
        Run(project.Folder, "dotnet", "restore", "--nologo", "-v", "q");
        return project;
    }

    private static void Run(string folder, string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(" ", arguments)} failed in {folder}:\n{output.Result}{errors.Result}");
    }
}
