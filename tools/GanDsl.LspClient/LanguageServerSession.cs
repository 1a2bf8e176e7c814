using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace GanDsl.LspClient;

/// <summary>
/// One language server process and the editor side of the conversation: initialize with workspace folders, answer
/// the server's configuration and registration requests, open and edit files, and ask for diagnostics, definitions,
/// hovers and code actions. Everything the server pushes is recorded on one clock (<see cref="Elapsed"/>).
/// </summary>
public sealed class LanguageServerSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonRpcConnection _rpc;
    private readonly ClientSettings _settings;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _logGate = new();
    private readonly List<string> _events = new();
    private readonly Queue<string> _stderr = new();

    private LanguageServerSession(Process process, ClientSettings settings)
    {
        _process = process;
        _settings = settings;
        var output = new BufferedStream(process.StandardOutput.BaseStream, 64 * 1024);
        _rpc = new JsonRpcConnection(output, process.StandardInput.BaseStream)
        {
            OnServerRequest = AnswerServer,
            OnNotification = Notified,
        };
    }

    public DiagnosticsBoard Diagnostics { get; } = new();

    /// <summary>Time since the server process was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The server's capabilities from its initialize answer.</summary>
    public JsonNode? Capabilities { get; private set; }

    /// <summary>Progress and log messages from the server, each with the time it arrived.</summary>
    public IReadOnlyList<string> Events
    {
        get { lock (_logGate) return _events.ToList(); }
    }

    /// <summary>The last lines the server wrote to stderr.</summary>
    public IReadOnlyList<string> ServerErrors
    {
        get { lock (_logGate) return _stderr.ToList(); }
    }

    /// <summary>How many $/progress reports have ended so far (solution loads report one begin and one end).</summary>
    public int ProgressEnded { get; private set; }

    /// <summary>Starts the server, sends initialize (with the workspace folders) and initialized.</summary>
    public static async Task<LanguageServerSession> StartAsync(ServerCommand command, ClientSettings settings,
        IReadOnlyList<string> workspaceFolders, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Arguments) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        var session = new LanguageServerSession(process, settings);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) session.ServerError(e.Data); };
        process.BeginErrorReadLine();
        session._rpc.Start();
        try
        {
            await session.InitializeAsync(workspaceFolders, timeout);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        return session;
    }

    private async Task InitializeAsync(IReadOnlyList<string> workspaceFolders, TimeSpan timeout)
    {
        var folders = new JsonArray(workspaceFolders.Select(f => (JsonNode)new JsonObject
        {
            ["uri"] = FileUri(f),
            ["name"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(f)),
        }).ToArray());
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["didSave"] = true, ["dynamicRegistration"] = false },
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["definition"] = new JsonObject { ["linkSupport"] = false },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject
                {
                    ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "source") },
                },
                ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
            },
        };
        if (_settings.PullDiagnostics) textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        var parameters = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "GanDsl.LspClient" },
            ["rootUri"] = workspaceFolders.Count > 0 ? FileUri(workspaceFolders[0]) : null,
            ["workspaceFolders"] = folders,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
                ["textDocument"] = textDocument,
            },
        };
        var answer = await _rpc.RequestAsync("initialize", parameters, timeout);
        Capabilities = answer?["capabilities"]?.DeepClone();
        Log($"initialized: {answer?["serverInfo"]?["name"]} {answer?["serverInfo"]?["version"]}");
        await _rpc.NotifyAsync("initialized", new JsonObject());
    }

    /// <summary>The csharp section an editor's settings would hold.</summary>
    private JsonObject CsharpSection() => new()
    {
        ["analyzersEnabled"] = _settings.AnalyzersEnabled,
        ["useMetadataUris"] = _settings.UseMetadataUris,
    };

    private JsonNode? AnswerServer(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "workspace/configuration":
                var items = parameters?["items"]?.AsArray() ?? new JsonArray();
                Log($"server asked for configuration: {string.Join(", ", items.Select(i => i?["section"]?.ToString() ?? "(all)"))}");
                return new JsonArray(items.Select(i => i?["section"]?.ToString() switch
                {
                    "csharp" => (JsonNode?)CsharpSection(),
                    null or "" => new JsonObject { ["csharp"] = CsharpSection() },
                    _ => null,
                }).ToArray());
            case "window/workDoneProgress/create":
            case "client/registerCapability":
            case "client/unregisterCapability":
                return null;
            case "workspace/workspaceFolders":
                return null;
            default:
                Log($"server request {method} answered null");
                return null;
        }
    }

    private void Notified(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                var uri = parameters!["uri"]!.GetValue<string>();
                var list = parameters["diagnostics"]!.AsArray().Select(d => LspDiagnostic.FromJson(d!)).ToList();
                Diagnostics.Publish(uri, list, Elapsed, parameters["version"]?.GetValue<int>());
                break;
            case "$/progress":
                var value = parameters?["value"];
                var kind = value?["kind"]?.ToString();
                if (kind == "end") ProgressEnded++;
                Log($"progress {kind}: {value?["title"]}{value?["message"]}{(value?["percentage"] is { } p ? $" {p}%" : "")}");
                break;
            case "window/logMessage":
            case "window/showMessage":
                Log($"{method}: {parameters?["message"]}");
                break;
        }
    }

    private void Log(string message)
    {
        lock (_logGate) _events.Add($"{Elapsed.TotalSeconds,7:F2}s {message}");
    }

    private void ServerError(string line)
    {
        lock (_logGate)
        {
            _stderr.Enqueue(line);
            while (_stderr.Count > 200) _stderr.Dequeue();
        }
    }

    public static string FileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>textDocument/didOpen with the file's text from disk, as an editor does when it opens a file.</summary>
    public async Task<TextDocument> OpenAsync(string path)
    {
        var full = Path.GetFullPath(path);
        var document = new TextDocument(FileUri(full), full, await File.ReadAllTextAsync(full));
        await _rpc.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = document.Uri, ["languageId"] = "csharp", ["version"] = document.Version, ["text"] = document.Text,
            },
        });
        return document;
    }

    /// <summary>textDocument/didChange with the one range edit that turns the document into <paramref name="newText"/>
    /// (what an editor sends for a keystroke or a paste). Returns the diagnostics board's sequence before the edit
    /// was sent and the time it was sent, to wait for the squiggles it causes.</summary>
    public async Task<(long Sequence, TimeSpan SentAt)> ChangeAsync(TextDocument document, string newText)
    {
        long sequence = Diagnostics.Sequence;
        var (range, inserted, version) = document.Replace(newText);
        var sentAt = Elapsed;
        await _rpc.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range.ToJson(), ["text"] = inserted }),
        });
        return (sequence, sentAt);
    }

    /// <summary>textDocument/diagnostic (pull): the server's full list for the document now.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(TextDocument document, TimeSpan timeout)
    {
        var answer = await _rpc.RequestAsync("textDocument/diagnostic",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = document.Uri } }, timeout);
        return answer?["items"]?.AsArray().Select(d => LspDiagnostic.FromJson(d!)).ToList() ?? new List<LspDiagnostic>();
    }

    /// <summary>textDocument/definition: the locations (URI and range) the server answers.</summary>
    public async Task<IReadOnlyList<(string Uri, LspRange Range)>> DefinitionAsync(TextDocument document, LspPosition at, TimeSpan timeout)
    {
        var answer = await _rpc.RequestAsync("textDocument/definition", PositionParams(document, at), timeout);
        IEnumerable<JsonNode?> locations = answer switch
        {
            null => Array.Empty<JsonNode?>(),
            JsonArray array => array,
            var single => new[] { single },
        };
        return locations.Where(l => l is not null)
            .Select(l => (l!["uri"]?.GetValue<string>() ?? l["targetUri"]!.GetValue<string>(),
                          LspRange.FromJson(l["range"] ?? l["targetSelectionRange"]!)))
            .ToList();
    }

    /// <summary>textDocument/hover: the hover's text (markdown or plain), or null when there is none.</summary>
    public async Task<string?> HoverAsync(TextDocument document, LspPosition at, TimeSpan timeout)
    {
        var answer = await _rpc.RequestAsync("textDocument/hover", PositionParams(document, at), timeout);
        return answer?["contents"] switch
        {
            null => null,
            JsonValue v => v.ToString(),
            JsonArray parts => string.Join("\n", parts.Select(p => p is JsonObject o ? o["value"]?.ToString() : p?.ToString())),
            JsonObject o => o["value"]?.ToString(),
            _ => null,
        };
    }

    /// <summary>textDocument/codeAction for a range with the diagnostics the editor shows there: the titles offered.</summary>
    public async Task<IReadOnlyList<string>> CodeActionTitlesAsync(TextDocument document, LspRange range,
        IEnumerable<LspDiagnostic> diagnostics, TimeSpan timeout)
    {
        var answer = await _rpc.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["range"] = range.ToJson(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostics.Select(d => (JsonNode)d.ToJson()).ToArray()) },
        }, timeout);
        if (answer is not null and not JsonArray) throw new FormatException("textDocument/codeAction answered " + answer.ToJsonString());
        return answer?.AsArray().Select(a => a?["title"]?.ToString() ?? "").ToList() ?? new List<string>();
    }

    /// <summary>csharp-ls's csharp/metadata request: the source text behind a csharp:/ URI (decompiled or generated).</summary>
    public async Task<string?> MetadataSourceAsync(string uri, TimeSpan timeout)
    {
        var answer = await _rpc.RequestAsync("csharp/metadata",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, timeout);
        return answer?["source"]?.ToString();
    }

    private static JsonObject PositionParams(TextDocument document, LspPosition at) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
        ["position"] = at.ToJson(),
    };

    /// <summary>shutdown then exit, as an editor closes; the process is killed if it does not end by itself.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _rpc.RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
                await _rpc.NotifyAsync("exit", null);
            }
            catch (Exception e) when (e is TimeoutException or IOException or LspErrorException or ObjectDisposedException)
            {
                // a server that cannot shut down cleanly is killed below
            }
            using var wait = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await _rpc.DisposeAsync();
        _process.Dispose();
    }
}
