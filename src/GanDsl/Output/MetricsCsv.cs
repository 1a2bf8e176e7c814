using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GanDsl.Output;

/// <summary>One logged training step: losses, discriminator outputs (as probabilities), speed and wall time.</summary>
public sealed record MetricsRow(long Step, int Epoch, double DLoss, double GLoss, double DReal, double DFake, double StepsPerSecond, double Seconds)
{
    public const string Header = "step,epoch,d_loss,g_loss,d_real,d_fake,steps_per_second,seconds";

    public string ToCsv() => string.Join(',',
        Step.ToString(CultureInfo.InvariantCulture), Epoch.ToString(CultureInfo.InvariantCulture),
        F(DLoss), F(GLoss), F(DReal), F(DFake), F(StepsPerSecond), F(Seconds));

    public static MetricsRow Parse(string line, string file, int lineNumber)
    {
        var cells = line.Split(',');
        try
        {
            if (cells.Length != 8) throw new FormatException($"{cells.Length} columns instead of 8");
            return new MetricsRow(long.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture),
                D(cells[2]), D(cells[3]), D(cells[4]), D(cells[5]), D(cells[6]), D(cells[7]));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}({lineNumber}): not a metrics row: {e.Message}");
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>
/// metrics.csv of a run folder, appended one row per logged step and flushed at once so a crash loses nothing.
/// Opening it for a run that resumes at step S drops rows after S, so each step appears once.
/// </summary>
public sealed class MetricsCsv : IDisposable
{
    private readonly StreamWriter _writer;

    public MetricsCsv(string path, long keepRowsUpToStep = 0)
    {
        Path = System.IO.Path.GetFullPath(path);
        var kept = File.Exists(Path) ? Read(Path).Where(r => r.Step <= keepRowsUpToStep).ToList() : new List<MetricsRow>();
        AtomicFile.WriteAllText(Path, string.Concat(new[] { MetricsRow.Header }.Concat(kept.Select(r => r.ToCsv())).Select(l => l + "\n")));
        _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n", AutoFlush = true };
    }

    public string Path { get; }

    public void Append(MetricsRow row) => _writer.WriteLine(row.ToCsv());

    /// <summary>All rows of a metrics file (header checked; bad lines are an error naming file and line).</summary>
    public static IReadOnlyList<MetricsRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return Array.Empty<MetricsRow>();
        if (lines[0] != MetricsRow.Header) throw new InvalidDataException($"{path}(1): expected the header '{MetricsRow.Header}'");
        var rows = new List<MetricsRow>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
            if (lines[i].Length > 0) rows.Add(MetricsRow.Parse(lines[i], path, i + 1));
        return rows;
    }

    public void Dispose() => _writer.Dispose();
}
