using System;
using System.Linq;
using Spectre.Console;

namespace GanDsl.Examples;

/// <summary>Feeds training progress into a Spectre.Console progress bar, synchronously (Progress&lt;T&gt; would post
/// to a thread pool and reorder reports). With a step budget (--max-steps) the bar ends at the budget and the
/// text says it.</summary>
internal sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    private readonly ProgressTask _task;
    private int _epoch;

    public ConsoleProgress(ProgressTask task) => _task = task;

    public void Report(TrainingProgress p)
    {
        long total = p.StepsPerEpoch * p.Epochs;
        _task.MaxValue = p.MaxSteps is { } max ? Math.Max(1, Math.Min(max, total)) : total;
        _task.Value = Math.Min(p.Step, _task.MaxValue);
        string budget = p.MaxSteps is { } m ? $"step {p.Step}/{m} (budget)" : $"step {p.Step}";
        _task.Description = $"{budget}  epoch {p.Epoch}/{p.Epochs}  {Metrics(p)}  {p.StepsPerSecond:F1} steps/s";
        if (p.Epoch != _epoch && !AnsiConsole.Profile.Capabilities.Interactive)
            AnsiConsole.MarkupLine($"[grey]epoch {p.Epoch}/{p.Epochs} {budget}: {Markup.Escape(Metrics(p))}[/]");
        _epoch = p.Epoch;
    }

    /// <summary>The objective's metrics by their legend names: "D loss 1.234  G loss 0.876  D(x) 0.52  D(G(z)) 0.31"
    /// (probabilities with two decimals, losses and scores with three).</summary>
    internal static string Metrics(TrainingProgress p)
    {
        if (p.Metrics is not { } metrics)
            return $"D loss {p.DLoss:F3}  G loss {p.GLoss:F3}  D(x) {p.DReal:F2}  D(G(z)) {p.DFake:F2}";
        return string.Join("  ", metrics.Columns.Select((c, i) =>
            $"{c.Label} {metrics.Values[i].ToString(c.Kind == MetricKind.Probability ? "F2" : "F3", System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}
