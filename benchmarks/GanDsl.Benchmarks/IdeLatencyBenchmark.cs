using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GanDsl.LspClient;

namespace GanDsl.Benchmarks;

/// <summary>
/// Keystroke-to-squiggle time through a real language server (csharp-ls from the repository's tool manifest, analyzers
/// on, as tools/GanDsl.LspCheck drives it): for a package user's project with N models, the time from the didChange
/// that removes a discriminator's [Flatten] to the publishDiagnostics that shows GAN004, and from the didChange that
/// puts it back to the one without it. Each N runs in a fresh server; the same project with GanDsl's analyzer switched
/// off (a .globalconfig) is the yardstick: what every edit costs without GanDsl's analyzer, generator included.
/// </summary>
internal static class IdeLatencyBenchmark
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan EditTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Pause after each squiggle before the next edit, as between a user's edits: the server is idle again.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    public static async Task RunAsync(IReadOnlyList<int> modelCounts, int edits, int warmUp, bool yardstick)
    {
        string repository = ServerCommand.FindRepositoryRoot(Environment.CurrentDirectory);
        string root = Path.Combine(Path.GetTempPath(), "gandsl-ide-latency-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            string feed = Path.Combine(root, "feed");
            Console.WriteLine($"IDE latency through csharp-ls (analyzersEnabled, push diagnostics): {edits} edits each way after {warmUp} warm-up pairs, {Pause.TotalMilliseconds:F0} ms pause after each squiggle");
            string version = LatencyProject.Pack(repository, feed);
            Console.WriteLine($"  packed GanDsl {version} from this checkout into {feed}");
            var rows = new List<string>();
            foreach (int models in modelCounts)
            {
                var on = await MeasureAsync(repository, LatencyProject.Create(repository, root, feed, version, models, analyzerOff: false), edits, warmUp, analyzerOn: true);
                var off = yardstick
                    ? await MeasureAsync(repository, LatencyProject.Create(repository, root, feed, version, models, analyzerOff: true), edits, warmUp, analyzerOn: false)
                    : null;
                rows.Add($"| {models} | {on.Load:F1} | {Ms(on.Introduce)} | {Ms(on.Remove)} | " +
                         (off is null ? "- | -" : $"{Ms(off.Introduce)} | {Ms(off.Remove)}") + " |");
            }
            Console.WriteLine();
            Console.WriteLine("| models | open to first squiggles, s | misfit typed: GAN004 shown, median / p95 ms | misfit removed: GAN004 gone, median / p95 ms | GanDsl analyzer off: same edit, median / p95 ms | GanDsl analyzer off: edit back, median / p95 ms |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows) Console.WriteLine(row);
            await AnalyzerProfile.RunAsync(modelCounts, rounds: 10);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a server child still closing; the folder is in /tmp */ }
        }
    }

    private sealed record Measured(double Load, List<double> Introduce, List<double> Remove);

    private static async Task<Measured> MeasureAsync(string repository, LatencyProject project, int edits, int warmUp, bool analyzerOn)
    {
        var command = ServerCommand.CsharpLsFromToolManifest(repository, "--loglevel", "warning");
        await using var session = await LanguageServerSession.StartAsync(command, new ClientSettings(), new[] { project.Folder }, TimeSpan.FromMinutes(2));
        var document = await session.OpenAsync(project.EditedPath);
        var opened = session.Elapsed;
        var first = await session.Diagnostics.WaitAsync(document.Uri, 0, _ => true, LoadTimeout)
                    ?? throw new TimeoutException($"{project.Folder}: no diagnostics within {LoadTimeout.TotalMinutes} min of opening");
        var errors = first.Diagnostics.Where(d => d.Severity == "error").ToList();
        if (errors.Count > 0) throw new InvalidOperationException($"{project.Folder}: the fitting project shows errors: {string.Join(" | ", errors)}");
        double load = (first.At - opened).TotalSeconds;

        string fitting = document.Text;
        string misfit = fitting.Replace(LatencyProject.Fitting, LatencyProject.Misfit, StringComparison.Ordinal);
        static bool Shows(Publication p) => p.Diagnostics.Any(d => d.Code == "GAN004");
        var introduce = new List<double>();
        var remove = new List<double>();
        for (int i = 0; i < warmUp + edits; i++)
        {
            double typed = await EditAsync(session, document, misfit, analyzerOn ? Shows : _ => true);
            double undone = await EditAsync(session, document, fitting, analyzerOn ? p => !Shows(p) : _ => true);
            if (i < warmUp) continue;
            introduce.Add(typed);
            remove.Add(undone);
        }
        Console.WriteLine($"  {Path.GetFileName(project.Folder)}: first squiggles {load:F1} s after didOpen; typed {Ms(introduce)} ms, removed {Ms(remove)} ms (median / p95)" +
                          (analyzerOn ? "" : "; GanDsl's analyzer off, times to the first publishDiagnostics after the edit"));
        return new Measured(load, introduce, remove);
    }

    /// <summary>Milliseconds from sending the edit to the first publishDiagnostics of the file after it that
    /// satisfies <paramref name="shown"/>.</summary>
    private static async Task<double> EditAsync(LanguageServerSession session, TextDocument document, string text, Func<Publication, bool> shown)
    {
        var (sequence, sent) = await session.ChangeAsync(document, text);
        var published = await session.Diagnostics.WaitAsync(document.Uri, sequence, shown, EditTimeout)
                        ?? throw new TimeoutException($"no squiggles for the edit within {EditTimeout.TotalSeconds} s");
        await Task.Delay(Pause);
        return (published.At - sent).TotalMilliseconds;
    }

    private static string Ms(List<double> times) =>
        $"{TrainStepBenchmark.Median(times),5:F0} / {Percentile(times, 0.95),5:F0}";

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
