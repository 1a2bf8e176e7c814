using System;
using System.Collections.Generic;
using System.IO;

namespace GanDsl.LspClient;

/// <summary>How to start the language server: a program, its arguments and the folder it starts in.</summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>csharp-ls as pinned by the repository's local tool manifest (.config/dotnet-tools.json), started with
    /// <c>dotnet tool run</c> from the folder holding the manifest (after <c>dotnet tool restore</c>).</summary>
    public static ServerCommand CsharpLsFromToolManifest(string repositoryRoot, params string[] serverArguments)
    {
        if (!File.Exists(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json")))
            throw new FileNotFoundException($"no .config/dotnet-tools.json under {repositoryRoot}: run from the repository (dotnet tool restore pins csharp-ls there)");
        var arguments = new List<string> { "tool", "run", "csharp-ls", "--" };
        arguments.AddRange(serverArguments);
        return new ServerCommand("dotnet", arguments, repositoryRoot);
    }

    /// <summary>The folder above <paramref name="start"/> (or <paramref name="start"/> itself) that holds
    /// .config/dotnet-tools.json.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no folder at or above {start} holds .config/dotnet-tools.json");
    }

    public override string ToString() => FileName + " " + string.Join(" ", Arguments);
}
