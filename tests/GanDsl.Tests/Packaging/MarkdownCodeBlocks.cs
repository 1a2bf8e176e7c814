using System;
using System.Collections.Generic;
using System.Linq;

namespace GanDsl.Tests.Packaging;

/// <summary>A fenced C# block of a Markdown file: where it starts, what follows the language on its fence line,
/// and its code.</summary>
internal sealed record CSharpBlock(int Line, IReadOnlyList<string> Tags, string Code)
{
    /// <summary>The GANxxx IDs of a block fenced as <c>```csharp misfit GAN001</c>: a deliberate misfit that must report
    /// exactly these diagnostics. Empty for an ordinary block, which must report none.</summary>
    public IReadOnlyList<string> ExpectedDiagnostics =>
        Tags.Count > 0 && Tags[0] == "misfit" ? Tags.Skip(1).ToList() : Array.Empty<string>();
}

/// <summary>Finds the fenced code blocks whose language is C# (csharp, cs or c#).</summary>
internal static class MarkdownCodeBlocks
{
    private static readonly string[] CSharpLanguages = { "csharp", "cs", "c#" };

    public static IReadOnlyList<CSharpBlock> CSharp(string markdown)
    {
        var blocks = new List<CSharpBlock>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal)) continue;
            var info = fence[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
            if (info.Length > 0 && CSharpLanguages.Contains(info[0].ToLowerInvariant()))
                blocks.Add(new CSharpBlock(i + 1, info.Skip(1).ToList(), string.Join("\n", lines[(i + 1)..end])));
            i = end;
        }
        return blocks;
    }
}
