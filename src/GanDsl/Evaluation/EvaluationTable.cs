using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace GanDsl.Evaluation;

/// <summary>The report as a plain-text table: the generated set first, then the reference points measured the same
/// way, with the sample counts and the classifier named above it.</summary>
public static class EvaluationTable
{
    public static string Format(EvaluationReport report)
    {
        var text = new StringBuilder();
        var c = report.Classifier;
        var s = report.Settings;
        text.AppendLine(Invariant($"{report.Generated.Count:N0} generated images vs {report.Reference.Count:N0} real images ({report.Reference.ComparedWith} of {report.Reference.Source})"));
        text.AppendLine(Invariant($"features: {c.Architecture}, {c.FeatureWidth} wide, t10k accuracy {c.TestAccuracy * 100:F2} %, SHA-256 {c.Sha256[..Math.Min(12, c.Sha256.Length)]}..."));
        text.AppendLine(Invariant($"KID: {s.KidSubsets} subsets of {s.KidSubsetSize}; precision/recall k = {s.PrecisionRecallK}; density/coverage k = {s.DensityCoverageK}"));
        if (report.Model is { } m)
            text.AppendLine(Invariant($"model: {m.Model}, step {m.Step}, epoch {m.Epoch}, sampled with seed {m.SamplingSeed}{(m.Checkpoint is null ? "" : ", " + Shown(m.Checkpoint))}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{"set",-16} {"FID",9} {"KID",16} {"precision",9} {"recall",7} {"density",7} {"coverage",8} {"classes",7} {"largest",7} {"KL",6}"));
        Row(text, report.Generated);
        text.AppendLine("reference points (same counts):");
        foreach (var point in report.ReferencePoints) Row(text, point);
        if (report.Generated.ConditionalAccuracy is { } conditional)
            text.AppendLine(Invariant($"conditional accuracy: {conditional.Accuracy * 100:F1} % (per label: {string.Join(", ", conditional.PerClass.Select(a => double.IsNaN(a) ? "-" : (a * 100).ToString("F0", CultureInfo.InvariantCulture)))})"));
        text.AppendLine(Invariant($"({report.Seconds:F1} s)"));
        return text.ToString();
    }

    private static void Row(StringBuilder text, MetricSet m) =>
        text.AppendLine(Invariant(
            $"{m.Name,-16} {m.Fid,9:F2} {$"{m.KidMean:F2} ± {m.KidStd:F2}",16} {m.Precision,9:F3} {m.Recall,7:F3} {m.Density,7:F3} {m.Coverage,8:F3} {$"{m.ClassesCovered}/{m.ClassCounts.Length}",7} {m.LargestClassShare,7:P0} {m.KlToUniform,6:F3}"));

    /// <summary>A path under the current folder is shown relative to it (shorter, and the same on every machine).</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
