using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GanDsl.Output;

namespace GanDsl.Evaluation;

/// <summary>One evaluation during training: where the run was and what the metrics said.</summary>
public sealed record EvaluationRow(int Epoch, long Step, double Fid, double KidMean, double KidStd, double Precision, double Recall,
    double Density, double Coverage, int ClassesCovered, double LargestClassShare, double KlToUniform, double Seconds,
    double ClassAccuracy = double.NaN)
{
    /// <summary>class_accuracy: for a conditional pair, the share of samples the classifier files under the label they
    /// were drawn for; empty for an unconditional pair.</summary>
    public const string Header = "epoch,step,fid,kid_mean,kid_std,precision,recall,density,coverage,classes_covered,largest_class_share,kl_to_uniform,seconds,class_accuracy";

    public static EvaluationRow From(int epoch, long step, MetricSet m, double seconds) =>
        new(epoch, step, m.Fid, m.KidMean, m.KidStd, m.Precision, m.Recall, m.Density, m.Coverage, m.ClassesCovered,
            m.LargestClassShare, m.KlToUniform, seconds, m.ConditionalAccuracy?.Accuracy ?? double.NaN);

    public string ToCsv() => string.Join(',', I(Epoch), I(Step), F(Fid), F(KidMean), F(KidStd), F(Precision), F(Recall),
        F(Density), F(Coverage), I(ClassesCovered), F(LargestClassShare), F(KlToUniform), F(Seconds),
        double.IsNaN(ClassAccuracy) ? "" : F(ClassAccuracy));

    public static EvaluationRow Parse(string line, string file, int lineNumber)
    {
        var c = line.Split(',');
        try
        {
            if (c.Length != 14) throw new FormatException($"{c.Length} columns instead of 14");
            return new EvaluationRow(int.Parse(c[0], CultureInfo.InvariantCulture), long.Parse(c[1], CultureInfo.InvariantCulture),
                D(c[2]), D(c[3]), D(c[4]), D(c[5]), D(c[6]), D(c[7]), D(c[8]), int.Parse(c[9], CultureInfo.InvariantCulture),
                D(c[10]), D(c[11]), D(c[12]), c[13].Length == 0 ? double.NaN : D(c[13]));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}({lineNumber}): not an evaluation row: {e.Message}");
        }
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>
/// eval.csv of a run folder. Each row is written by rewriting the whole (small) file atomically, after dropping rows
/// at or beyond the new row's step: a resumed run replaces what an abandoned continuation had written, and a crash
/// never leaves half a file.
/// </summary>
public static class EvaluationCsv
{
    public const string FileName = "eval.csv";

    public static IReadOnlyList<EvaluationRow> Append(string path, EvaluationRow row)
    {
        var rows = (File.Exists(path) ? Read(path) : Array.Empty<EvaluationRow>()).Where(r => r.Step < row.Step).Append(row).ToList();
        AtomicFile.WriteAllText(path, string.Concat(new[] { EvaluationRow.Header }.Concat(rows.Select(r => r.ToCsv())).Select(l => l + "\n")));
        return rows;
    }

    /// <summary>All rows (header checked; a bad line is an error naming the file and line).</summary>
    public static IReadOnlyList<EvaluationRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != EvaluationRow.Header)
            throw new InvalidDataException($"{path}: not an eval.csv (expected the header \"{EvaluationRow.Header}\")");
        return lines.Skip(1).Select((l, i) => (l, i)).Where(x => x.l.Length > 0)
            .Select(x => EvaluationRow.Parse(x.l, path, x.i + 2)).ToList();
    }
}
