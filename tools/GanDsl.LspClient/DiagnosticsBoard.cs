using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace GanDsl.LspClient;

/// <summary>One textDocument/publishDiagnostics as received: the file's whole list, when it arrived (on the session's
/// clock) and its place in the order of arrivals.</summary>
public sealed record Publication(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan At, long Sequence, int? Version);

/// <summary>What the editor currently shows per file (the latest publication replaces the previous one), and waiters
/// for a publication that satisfies a condition.</summary>
public sealed class DiagnosticsBoard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Publication> _latest = new(StringComparer.Ordinal);
    private readonly List<(string Uri, long After, Func<Publication, bool> Condition, TaskCompletionSource<Publication> Done)> _waiters = new();
    private long _sequence;

    public long Sequence { get { lock (_gate) return _sequence; } }

    public Publication? Latest(string uri)
    {
        lock (_gate) return _latest.GetValueOrDefault(uri);
    }

    public void Publish(string uri, IReadOnlyList<LspDiagnostic> diagnostics, TimeSpan at, int? version)
    {
        List<TaskCompletionSource<Publication>> done = new();
        Publication publication;
        lock (_gate)
        {
            publication = new Publication(uri, diagnostics, at, ++_sequence, version);
            _latest[uri] = publication;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                var w = _waiters[i];
                if (w.Uri == uri && publication.Sequence > w.After && w.Condition(publication))
                {
                    done.Add(w.Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        foreach (var d in done) d.TrySetResult(publication);
    }

    /// <summary>The first publication for <paramref name="uri"/> after <paramref name="after"/> (a
    /// <see cref="Sequence"/> value) that satisfies <paramref name="condition"/>; the latest one already received
    /// counts when it is newer than <paramref name="after"/>. Null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<Publication?> WaitAsync(string uri, long after, Func<Publication, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<Publication>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_latest.TryGetValue(uri, out var latest) && latest.Sequence > after && condition(latest)) return latest;
            _waiters.Add((uri, after, condition, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate) _waiters.RemoveAll(w => w.Done == done);
            return null;
        }
    }

    public IReadOnlyList<LspDiagnostic> Current(string uri, string codePrefix) =>
        Latest(uri)?.Diagnostics.Where(d => d.Code.StartsWith(codePrefix, StringComparison.Ordinal)).ToList() ?? new List<LspDiagnostic>();
}
