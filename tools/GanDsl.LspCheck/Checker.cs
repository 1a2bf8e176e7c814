using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.IdeCheck;
using GanDsl.LspClient;

namespace GanDsl.LspCheck;

/// <summary>
/// One csharp-ls session over the given consumer folders, as an editor holds one: open each folder's file, wait for
/// its first squiggles, then check them (position, span, code, severity, message), the code actions offered on
/// them, hovers, go-to-definition into generated code, and edits typed through didChange.
/// </summary>
internal static class Checker
{
    public static async Task<int> RunAsync(Options options)
    {
        string repository;
        ServerCommand command;
        try
        {
            repository = options.Repository ?? ServerCommand.FindRepositoryRoot(Environment.CurrentDirectory);
            // --loglevel warning: the server's stderr holds only what went wrong (printed when a check fails).
            command = ServerCommand.CsharpLsFromToolManifest(repository, "--loglevel", "warning");
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("lsp-check: FAILED: " + e.Message);
            return 2;
        }

        var folders = options.Folders.Select(f => Path.GetFullPath(f.Folder)).ToList();
        Console.WriteLine($"lsp-check: starting {command} in {repository}; workspace folders: {string.Join(", ", folders)}");
        LanguageServerSession session;
        try
        {
            session = await LanguageServerSession.StartAsync(command, new ClientSettings(), folders, TimeSpan.FromSeconds(120));
        }
        catch (Exception e) when (e is TimeoutException or IOException or System.ComponentModel.Win32Exception or LspErrorException)
        {
            Console.Error.WriteLine($"lsp-check: FAILED: could not start and initialize {command}: {e.Message} (run 'dotnet tool restore' in {repository})");
            return 2;
        }

        var failures = new List<string>();
        TimeSpan took;
        await using (session)
        {
            // Open every file first, as an editor restoring its tabs does; the server loads the folders meanwhile.
            var opened = new List<(FolderOptions Options, TextDocument Document, TimeSpan At)>();
            foreach (var folder in options.Folders)
            {
                var path = Path.Combine(folder.Folder, folder.File);
                if (!File.Exists(path))
                {
                    failures.Add($"no file {path}");
                    continue;
                }
                opened.Add((folder, await session.OpenAsync(path), session.Elapsed));
            }
            foreach (var (folder, document, at) in opened)
            {
                var check = new FolderCheck(session, options, folder, document, at, failures);
                await check.RunAsync();
            }

            Console.WriteLine("lsp-check: server timeline:");
            foreach (var e in session.Events.Where(e => e.Contains("progress", StringComparison.Ordinal) || e.Contains("initialized", StringComparison.Ordinal)))
                Console.WriteLine("  " + e);
            took = session.Elapsed;
            if (failures.Count > 0 && session.ServerErrors.Count > 0)
            {
                Console.WriteLine("lsp-check: the server's last stderr lines:");
                foreach (var line in session.ServerErrors.TakeLast(40)) Console.WriteLine("  " + line);
            }
        }

        if (failures.Count == 0)
        {
            Console.WriteLine($"lsp-check: OK ({took.TotalSeconds:F0} s from starting the server)");
            return 0;
        }
        foreach (var failure in failures) Console.Error.WriteLine("lsp-check: FAILED: " + failure);
        return 1;
    }
}
