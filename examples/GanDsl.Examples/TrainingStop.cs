using System;
using System.Globalization;
using System.Threading;

namespace GanDsl.Examples;

/// <summary>Why a run may end before its epochs: a wall-clock budget (--max-minutes) or the user's Ctrl+C. Fit sees
/// one token and stops after the step it is in, writing the final grid and checkpoint.</summary>
internal sealed class TrainingStop : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly double? minutes;
    private volatile bool interrupted;

    public TrainingStop(double? maxMinutes)
    {
        minutes = maxMinutes;
        if (maxMinutes is { } m) source.CancelAfter(TimeSpan.FromMinutes(m));
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => source.Token;

    /// <summary>Words for the run summary when the run was stopped, else null.</summary>
    public string? Reason =>
        !source.IsCancellationRequested ? null
        : interrupted ? "stopped by Ctrl+C"
        : string.Create(CultureInfo.InvariantCulture, $"stopped by the wall-clock budget (--max-minutes {minutes})");

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (interrupted) return;            // the second Ctrl+C ends the process as usual
        interrupted = true;
        e.Cancel = true;
        source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        source.Dispose();
    }
}
