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
/// puts it back to the one without it. Each N gets fresh servers: one on the project, one on the same project with
/// GanDsl's analyzer switched off (a .globalconfig), the yardstick of what every edit costs without GanDsl's analyzer
/// (generator included). The two take turns edit pair by edit pair, so both see the same load on a shared machine.
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
                var on = await Server.StartAsync(repository, LatencyProject.Create(repository, root, feed, version, models, analyzerOff: false), analyzerOn: true);
                await using var _ = on;
                Server? off = yardstick
                    ? await Server.StartAsync(repository, LatencyProject.Create(repository, root, feed, version, models, analyzerOff: true), analyzerOn: false)
                    : null;
                await using var __ = off;
                // The two servers take turns, alternating which goes first, so both see the same machine load.
                for (int i = 0; i < warmUp + edits; i++)
                {
                    var order = off is null ? new[] { on } : i % 2 == 0 ? new[] { on, off } : new[] { off, on };
                    foreach (var server in order) await server.EditPairAsync(counted: i >= warmUp);
                }
                foreach (var server in off is null ? new[] { on } : new[] { on, off }) server.Print();
                rows.Add($"| {models} | {on.Load:F1} | {Ms(on.Introduce)} | {Ms(on.Remove)} | " +
                         (off is null ? "- | -" : $"{Ms(off.Introduce)} | {Ms(off.Remove)}") + " |");
            }
            Console.WriteLine();
            Console.WriteLine("| models | open to first squiggles, s | misfit typed: GAN004 shown, median / p95 ms | misfit removed: GAN004 gone, median / p95 ms | GanDsl analyzer off: same edit, median / p95 ms | GanDsl analyzer off: edit back, median / p95 ms |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows) Console.WriteLine(row);
            await AnalyzerProfile.RunAsync(modelCounts, rounds: 10);
            GeneratedCodeCost.Run(modelCounts, rounds: 9);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a server child still closing; the folder is in /tmp */ }
        }
    }

    /// <summary>One project open in its own csharp-ls, and the latencies measured through it.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly LanguageServerSession _session;
        private readonly TextDocument _document;
        private readonly LatencyProject _project;
        private readonly bool _analyzerOn;
        private readonly string _fitting;
        private readonly string _misfit;

        private Server(LanguageServerSession session, TextDocument document, LatencyProject project, bool analyzerOn, double load)
        {
            _session = session;
            _document = document;
            _project = project;
            _analyzerOn = analyzerOn;
            Load = load;
            _fitting = document.Text;
            _misfit = _fitting.Replace(LatencyProject.Fitting, LatencyProject.Misfit, StringComparison.Ordinal);
        }

        public double Load { get; }
        public List<double> Introduce { get; } = new();
        public List<double> Remove { get; } = new();

        /// <summary>Starts csharp-ls on the project, opens the edited file and waits for its first squiggles.</summary>
        public static async Task<Server> StartAsync(string repository, LatencyProject project, bool analyzerOn)
        {
            var command = ServerCommand.CsharpLsFromToolManifest(repository, "--loglevel", "warning");
            var session = await LanguageServerSession.StartAsync(command, new ClientSettings(), new[] { project.Folder }, TimeSpan.FromMinutes(2));
            try
            {
                var document = await session.OpenAsync(project.EditedPath);
                var opened = session.Elapsed;
                var first = await session.Diagnostics.WaitAsync(document.Uri, 0, _ => true, LoadTimeout)
                            ?? throw new TimeoutException($"{project.Folder}: no diagnostics within {LoadTimeout.TotalMinutes} min of opening");
                var errors = first.Diagnostics.Where(d => d.Severity == "error").ToList();
                if (errors.Count > 0) throw new InvalidOperationException($"{project.Folder}: the fitting project shows errors: {string.Join(" | ", errors)}");
                return new Server(session, document, project, analyzerOn, (first.At - opened).TotalSeconds);
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        /// <summary>Types the misfit and waits for GAN004, then removes it and waits for it to go (with the analyzer
        /// off: for the first publication after each edit).</summary>
        public async Task EditPairAsync(bool counted)
        {
            static bool Shows(Publication p) => p.Diagnostics.Any(d => d.Code == "GAN004");
            double typed = await EditAsync(_session, _document, _misfit, _analyzerOn ? Shows : _ => true);
            double undone = await EditAsync(_session, _document, _fitting, _analyzerOn ? p => !Shows(p) : _ => true);
            if (!counted) return;
            Introduce.Add(typed);
            Remove.Add(undone);
        }

        public void Print() =>
            Console.WriteLine($"  {Path.GetFileName(_project.Folder)}: first squiggles {Load:F1} s after didOpen; typed {Ms(Introduce)} ms, removed {Ms(Remove)} ms (median / p95)" +
                              (_analyzerOn ? "" : "; GanDsl's analyzer off: times to the first publishDiagnostics after each edit"));

        public ValueTask DisposeAsync() => _session.DisposeAsync();
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
