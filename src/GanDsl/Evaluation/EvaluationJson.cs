using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using GanDsl.Output;

namespace GanDsl.Evaluation;

/// <summary>eval.json: an <see cref="EvaluationReport"/> as indented camelCase JSON (schema "gandsl-eval/1",
/// described in the README's Evaluation section). NaN (a conditional class with no samples) is written as "NaN".</summary>
public static class EvaluationJson
{
    public const string FileName = "eval.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(EvaluationReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Writes the report atomically (a reader never sees half a file).</summary>
    public static void Save(EvaluationReport report, string path) => AtomicFile.WriteAllText(path, Serialize(report));

    public static EvaluationReport Load(string path)
    {
        try
        {
            var report = JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), Options)
                         ?? throw new InvalidDataException($"{path}: empty evaluation report");
            if (report.Schema != EvaluationReport.SchemaVersion)
                throw new InvalidDataException($"{path}: schema '{report.Schema}' is not '{EvaluationReport.SchemaVersion}'");
            return report;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an evaluation report ({e.Message})", e);
        }
    }
}
