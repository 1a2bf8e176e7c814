using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace GanDsl.LspClient;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams with LSP's framing: each message is <c>Content-Length: N\r\n\r\n</c> and N
/// bytes of UTF-8 JSON. Correlates responses with requests by id, answers the server's own requests through
/// <see cref="OnServerRequest"/> and hands notifications to <see cref="OnNotification"/> (both on the reader thread,
/// so handlers must be quick).
/// </summary>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private long _nextId;

    /// <summary>Text as editors send it: UTF-8 as is (a file's "→" stays three bytes, not \u2192), so Content-Length
    /// counts bytes, not characters.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Wire = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private Task? _reader;

    public JsonRpcConnection(Stream fromServer, Stream toServer)
    {
        _input = fromServer;
        _output = toServer;
    }

    /// <summary>Answers a request the server sends (method, params) with a result; null answers null.</summary>
    public Func<string, JsonNode?, JsonNode?> OnServerRequest { get; set; } = (_, _) => null;

    public Action<string, JsonNode?> OnNotification { get; set; } = (_, _) => { };

    /// <summary>Set when the reader stops (the server closed its output or sent something unreadable).</summary>
    public Exception? Failure { get; private set; }

    public void Start() => _reader = Task.Run(ReadLoopAsync);

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout, CancellationToken ct = default)
    {
        long id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        limit.CancelAfter(timeout);
        try
        {
            return await answer.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{method}: no answer within {timeout.TotalSeconds:F0} s" + (Failure is null ? "" : $" (connection failed: {Failure.Message})"));
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task WriteAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString(Wire));
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _output.WriteAsync(header);
            await _output.WriteAsync(body);
            await _output.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var message = await ReadMessageAsync();
                if (message is null) break;
                Dispatch(message);
            }
            Failure ??= new EndOfStreamException("the server closed its output");
        }
        catch (Exception e) when (e is IOException or FormatException or ObjectDisposedException or System.Text.Json.JsonException)
        {
            Failure = e;
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new IOException("the language server connection ended", Failure));
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null)
        {
            if (id is not null && _pending.TryRemove(id.GetValue<long>(), out var answer))
            {
                if (message["error"] is { } error)
                    answer.TrySetException(new LspErrorException(error["code"]?.GetValue<int>() ?? 0, error["message"]?.GetValue<string>() ?? "", error["data"]));
                else
                    answer.TrySetResult(message["result"]?.DeepClone());
            }
            return;
        }
        if (id is null)
        {
            OnNotification(method, message["params"]);
            return;
        }
        JsonNode? result;
        try
        {
            result = OnServerRequest(method, message["params"]);
        }
        catch (Exception e)
        {
            _ = WriteAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(),
                ["error"] = new JsonObject { ["code"] = -32603, ["message"] = e.Message },
            });
            return;
        }
        _ = WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
    }

    /// <summary>One framed message, or null at the end of the stream.</summary>
    private async Task<JsonObject?> ReadMessageAsync()
    {
        int length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync();
            if (line is null) return null;
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new FormatException("a message without Content-Length");
        var body = new byte[length];
        await _input.ReadExactlyAsync(body, _stop.Token);
        return JsonNode.Parse(body) as JsonObject ?? throw new FormatException("a message that is not a JSON object");
    }

    /// <summary>An ASCII header line without its CR LF; null at the end of the stream.</summary>
    private async Task<string?> ReadHeaderLineAsync()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            int read = await _input.ReadAsync(one, _stop.Token);
            if (read == 0) return line.Length == 0 ? null : throw new EndOfStreamException("the stream ended inside a header");
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reader is not null)
        {
            try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (Exception) { /* the reader ends with the process; nothing more to read */ }
        }
        _writeLock.Dispose();
        _stop.Dispose();
    }
}

/// <summary>An error answer from the server.</summary>
public sealed class LspErrorException(int code, string message, JsonNode? data)
    : Exception($"LSP error {code}: {message}")
{
    public int Code { get; } = code;
    public JsonNode? ErrorData { get; } = data;
}
