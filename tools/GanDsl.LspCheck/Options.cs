using System;
using System.Collections.Generic;
using System.Globalization;
using GanDsl.IdeCheck;

namespace GanDsl.LspCheck;

/// <summary>A consumer project folder opened as a workspace folder, the file opened in it, and what it must show.</summary>
internal sealed class FolderOptions
{
    public FolderOptions(string folder) => Folder = folder;

    public string Folder { get; }
    public string File { get; set; } = "Program.cs";

    /// <summary>Null: the file must show no GAN diagnostic and no error at all.</summary>
    public List<Expectation>? Diagnostics { get; set; }

    public LspExpectations Lsp { get; set; } = new();
}

internal sealed class Options
{
    public const string Usage =
        "usage: GanDsl.LspCheck --folder DIR [--file NAME] [--expect-file PATH] [--lsp-expect PATH] [--folder DIR ...] [options]\n" +
        "  --folder DIR                a consumer project folder, opened as a workspace folder of one csharp-ls session;\n" +
        "                              the options up to the next --folder apply to it\n" +
        "  --file NAME                 the file opened in it (default Program.cs)\n" +
        "  --expect-file PATH          its GAN diagnostics, all of them (the *.ide-expect format of tools/GanDsl.IdeCheck);\n" +
        "                              without one the file must show no GAN diagnostic and no error\n" +
        "  --lsp-expect PATH           hovers, definitions and edits to check (the *.lsp-expect format)\n" +
        "  --server-code-fixes absent|offered\n" +
        "                              whether csharp-ls offers GanDsl's code fixes (the expect file's 'fix:' titles) as code\n" +
        "                              actions; the check fails when the answer changes (default absent)\n" +
        "  --load-timeout SECONDS      for the first diagnostics of a folder (default 300)\n" +
        "  --edit-timeout SECONDS      for the squiggles after an edit, and for each request (default 60)\n" +
        "  --repo DIR                  the folder holding .config/dotnet-tools.json (default: found above the current folder)\n" +
        "Exit code: 0 all checks passed, 1 a check failed, 2 bad arguments or the server could not be started.";

    public List<FolderOptions> Folders { get; } = new();
    public bool ServerOffersCodeFixes { get; private set; }
    public TimeSpan LoadTimeout { get; private set; } = TimeSpan.FromSeconds(300);
    public TimeSpan EditTimeout { get; private set; } = TimeSpan.FromSeconds(60);
    public string? Repository { get; private set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            FolderOptions Current() => o.Folders.Count > 0 ? o.Folders[^1] : throw new FormatException($"{args[i]} must follow a --folder");
            TimeSpan Seconds() => TimeSpan.FromSeconds(int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture));
            switch (args[i])
            {
                case "--folder": o.Folders.Add(new FolderOptions(Next())); break;
                case "--file": Current().File = Next(); break;
                case "--expect-file": Current().Diagnostics = Expectation.ReadFile(Next()); break;
                case "--lsp-expect": Current().Lsp = LspExpectations.Read(Next()); break;
                case "--server-code-fixes":
                    o.ServerOffersCodeFixes = Next() switch
                    {
                        "absent" => false,
                        "offered" => true,
                        var other => throw new FormatException($"--server-code-fixes takes absent or offered, not '{other}'"),
                    };
                    break;
                case "--load-timeout": o.LoadTimeout = Seconds(); break;
                case "--edit-timeout": o.EditTimeout = Seconds(); break;
                case "--repo": o.Repository = Next(); break;
                case "-h": case "--help": throw new FormatException("");
                default: throw new FormatException($"unexpected argument '{args[i]}'");
            }
        }
        if (o.Folders.Count == 0) throw new FormatException("no --folder given");
        return o;
    }
}
