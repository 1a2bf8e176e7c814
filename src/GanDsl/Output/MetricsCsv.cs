using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GanDsl.Output;

/// <summary>One logged training step: the objective's metric values (in its column order), speed and wall time.</summary>
public sealed record MetricsRow(long Step, int Epoch, IReadOnlyList<double> Values, double StepsPerSecond, double Seconds)
{
    private const string Leading = "step,epoch";
    private const string Trailing = "steps_per_second,seconds";

    /// <summary>"step,epoch,d_loss,g_loss,d_real,d_fake,steps_per_second,seconds" for the non-saturating loss's columns.</summary>
    public static string Header(IEnumerable<string> columns) => string.Join(',', new[] { Leading }.Concat(columns).Append(Trailing));

    /// <summary>The metric columns of a header line, or null when it is not a metrics header.</summary>
    public static IReadOnlyList<string>? ColumnsOf(string header)
    {
        var cells = header.Split(',');
        if (cells.Length < 4 || cells[0] != "step" || cells[1] != "epoch" || cells[^2] != "steps_per_second" || cells[^1] != "seconds") return null;
        return cells[2..^2];
    }

    public string ToCsv() => string.Join(',',
        new[] { Step.ToString(CultureInfo.InvariantCulture), Epoch.ToString(CultureInfo.InvariantCulture) }
            .Concat(Values.Select(F)).Append(F(StepsPerSecond)).Append(F(Seconds)));

    public static MetricsRow Parse(string line, int valueCount, string file, int lineNumber)
    {
        var cells = line.Split(',');
        try
        {
            if (cells.Length != valueCount + 4) throw new FormatException($"{cells.Length} columns instead of {valueCount + 4}");
            return new MetricsRow(long.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture),
                cells[2..^2].Select(D).ToArray(), D(cells[^2]), D(cells[^1]));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}({lineNumber}): not a metrics row: {e.Message}");
        }
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>The rows of a metrics.csv with the names of its metric columns.</summary>
public sealed record MetricsLog(IReadOnlyList<string> Columns, IReadOnlyList<MetricsRow> Rows)
{
    /// <summary>The values of column <paramref name="name"/>, one per row (empty when there is no such column).</summary>
    public double[] Series(string name)
    {
        int index = Columns.ToList().IndexOf(name);
        return index < 0 ? Array.Empty<double>() : Rows.Select(r => r.Values[index]).ToArray();
    }
}

/// <summary>
/// metrics.csv of a run folder, appended one row per logged step and flushed at once so a crash loses nothing. Its
/// columns are the training objective's. Opening it for a run that resumes at step S drops rows after S, so each step
/// appears once.
/// </summary>
public sealed class MetricsCsv : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _valueCount;

    public MetricsCsv(string path, IReadOnlyList<string> columns, long keepRowsUpToStep = 0)
    {
        Path = System.IO.Path.GetFullPath(path);
        EnsureColumns(Path, columns);
        _valueCount = columns.Count;
        var kept = File.Exists(Path) ? Read(Path).Rows.Where(r => r.Step <= keepRowsUpToStep).ToList() : new List<MetricsRow>();
        AtomicFile.WriteAllText(Path, string.Concat(new[] { MetricsRow.Header(columns) }.Concat(kept.Select(r => r.ToCsv())).Select(l => l + "\n")));
        _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n", AutoFlush = true };
    }

    public string Path { get; }

    public void Append(MetricsRow row)
    {
        if (row.Values.Count != _valueCount)
            throw new ArgumentException($"a row of {row.Values.Count} values for {_valueCount} metric columns", nameof(row));
        _writer.WriteLine(row.ToCsv());
    }

    /// <summary>Refuses (InvalidDataException, before anything is written) to continue a metrics file that logs
    /// other columns than <paramref name="columns"/>: the run in its folder was trained with another objective.</summary>
    public static void EnsureColumns(string path, IReadOnlyList<string> columns)
    {
        if (!File.Exists(path)) return;
        string? header = File.ReadLines(path).FirstOrDefault();
        if (header is null or "") return;
        var found = MetricsRow.ColumnsOf(header);
        if (found is null) throw new InvalidDataException($"{path}(1): expected a metrics header 'step,epoch,...,steps_per_second,seconds'");
        if (!found.SequenceEqual(columns))
            throw new InvalidDataException(
                $"{path} logs {string.Join(", ", found)} but this model logs {string.Join(", ", columns)}: the run there was trained with " +
                "another loss or options. Continue it with the model that started it, or start a new run in another folder");
    }

    /// <summary>All rows of a metrics file (header checked; bad lines are an error naming file and line).</summary>
    public static MetricsLog Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return new MetricsLog(Array.Empty<string>(), Array.Empty<MetricsRow>());
        var columns = MetricsRow.ColumnsOf(lines[0])
                      ?? throw new InvalidDataException($"{path}(1): expected a metrics header 'step,epoch,...,steps_per_second,seconds'");
        var rows = new List<MetricsRow>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
            if (lines[i].Length > 0) rows.Add(MetricsRow.Parse(lines[i], columns.Count, path, i + 1));
        return new MetricsLog(columns, rows);
    }

    public void Dispose() => _writer.Dispose();
}
