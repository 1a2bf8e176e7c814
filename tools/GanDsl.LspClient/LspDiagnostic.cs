using System.Text.Json.Nodes;

namespace GanDsl.LspClient;

/// <summary>A zero-based LSP position (line, UTF-16 character).</summary>
public readonly record struct LspPosition(int Line, int Character)
{
    public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };

    public static LspPosition FromJson(JsonNode node) =>
        new(node["line"]!.GetValue<int>(), node["character"]!.GetValue<int>());

    public override string ToString() => $"{Line + 1}:{Character + 1}";
}

public readonly record struct LspRange(LspPosition Start, LspPosition End)
{
    public JsonObject ToJson() => new() { ["start"] = Start.ToJson(), ["end"] = End.ToJson() };

    public static LspRange FromJson(JsonNode node) => new(LspPosition.FromJson(node["start"]!), LspPosition.FromJson(node["end"]!));

    /// <summary>1-based, as editors and compilers print it: 12:2-12:55.</summary>
    public override string ToString() => $"{Start}-{End}";
}

/// <summary>One diagnostic as the editor receives it (textDocument/publishDiagnostics).</summary>
public sealed record LspDiagnostic(string Code, string Severity, LspRange Range, string Message, string? Source)
{
    /// <summary>LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.</summary>
    public static string SeverityName(int value) => value switch
    {
        1 => "error",
        2 => "warning",
        3 => "info",
        4 => "hint",
        _ => "unknown(" + value + ")",
    };

    public static LspDiagnostic FromJson(JsonNode node)
    {
        var code = node["code"] switch
        {
            null => "",
            JsonValue v when v.TryGetValue(out string? s) => s,
            var other => other.ToJsonString(),
        };
        int severity = node["severity"]?.GetValue<int>() ?? 1; // absent: the client decides; editors show an error
        return new LspDiagnostic(code, SeverityName(severity), LspRange.FromJson(node["range"]!),
            node["message"]?.GetValue<string>() ?? "", node["source"]?.GetValue<string>());
    }

    /// <summary>The diagnostic as the client hands it back to the server (codeAction context).</summary>
    public JsonObject ToJson() => new()
    {
        ["range"] = Range.ToJson(),
        ["severity"] = Severity switch { "error" => 1, "warning" => 2, "info" => 3, _ => 4 },
        ["code"] = Code,
        ["message"] = Message,
        ["source"] = Source,
    };

    public override string ToString() => $"{Range} {Severity} {Code}: {Message}";
}
