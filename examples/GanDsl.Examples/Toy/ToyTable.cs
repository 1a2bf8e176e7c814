using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GanDsl.Examples.Toy;

/// <summary>The results table of toy runs: one row per GAN and mixture with the mean, standard deviation and range over
/// seeds, beside the published numbers (PacGAN Table 1, VEEGAN Table 1: modes and high-quality %).</summary>
internal static class ToyTable
{
    /// <summary>Published results on the same mixtures: (who, mixture, modes, high-quality %).</summary>
    public static readonly IReadOnlyList<(string Who, string Mixture, double Modes, double HighQuality)> Published = new[]
    {
        ("GAN (PacGAN Table 1)", "ring", 6.3, 98.2),
        ("GAN (PacGAN Table 1)", "grid", 17.3, 94.8),
        ("PacGAN2 (PacGAN Table 1)", "ring", 7.9, 95.6),
        ("PacGAN4 (PacGAN Table 1)", "grid", 24.8, 93.6),
        ("VEEGAN (VEEGAN Table 1)", "ring", 8, 52.9),
        ("VEEGAN (VEEGAN Table 1)", "grid", 24.6, 40),
    };

    public static string Markdown(IReadOnlyList<ToyResult> results)
    {
        var s = new StringBuilder();
        s.AppendLine("| GAN | mixture | modes captured | high quality % | reverse KL | seeds with all modes | s/run |");
        s.AppendLine("|---|---|---|---|---|---|---:|");
        foreach (var mixture in results.Select(r => r.Mixture).Distinct())
        {
            foreach (var group in results.Where(r => r.Mixture == mixture).GroupBy(r => r.Contender))
            {
                var runs = group.ToList();
                var modes = runs.Select(r => (double)r.Coverage.ModesCaptured).ToArray();
                int total = runs[0].Coverage.Modes;
                string quality = Spread(runs.Select(r => r.Coverage.HighQualityPercent).ToArray(), "F1");
                string kl = Spread(runs.Select(r => r.Coverage.ReverseKl).ToArray(), "F3");
                int all = runs.Count(r => r.Coverage.ModesCaptured == total);
                s.AppendLine(Invariant($"| {group.Key} | {mixture} | {Spread(modes, "F1")} of {total} | {quality} | {kl} | {all}/{runs.Count} | {runs.Average(r => r.Seconds):F0} |"));
            }
            foreach (var (who, _, modes, quality) in Published.Where(p => p.Mixture == mixture))
                s.AppendLine(Invariant($"| {who} | {mixture} | {modes:0.0} | {quality:0.0} | | | |"));
        }
        return s.ToString();
    }

    /// <summary>"7.8 ± 0.4 (7–8)": mean ± sample standard deviation (range); one value alone; "inf" where a value is.</summary>
    internal static string Spread(double[] values, string format)
    {
        if (values.Any(double.IsInfinity)) return $"inf in {values.Count(double.IsInfinity)} of {values.Length}";
        double mean = values.Average();
        if (values.Length == 1) return mean.ToString(format, CultureInfo.InvariantCulture);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return Invariant($"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>One line per run, for a CSV file.</summary>
    public static string Csv(IReadOnlyList<ToyResult> results) =>
        "gan,mixture,seed,steps,modes_captured,modes,high_quality_percent,reverse_kl,seconds,per_mode\n" +
        string.Concat(results.Select(r => Invariant(
            $"{r.Contender},{r.Mixture},{r.Seed},{r.Steps},{r.Coverage.ModesCaptured},{r.Coverage.Modes},{r.Coverage.HighQualityPercent:R},{r.Coverage.ReverseKl:R},{r.Seconds:F1},{string.Join(' ', r.Coverage.HighQualityPerMode)}\n")));
}
