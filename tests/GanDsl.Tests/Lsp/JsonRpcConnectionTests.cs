using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GanDsl.LspClient;
using Xunit;

namespace GanDsl.Tests.Lsp;

/// <summary>The LSP client's JSON-RPC layer against a hand-driven fake server over real pipes.</summary>
public class JsonRpcConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Frames_carry_the_body_length_in_utf8_bytes_and_answers_match_requests_by_id()
    {
        using var pipes = new WirePipes();
        await using var rpc = new JsonRpcConnection(pipes.ClientInput, pipes.ClientOutput);
        rpc.Start();

        // Two requests in flight; the server answers the second first. Non-ASCII text makes bytes != chars.
        var first = rpc.RequestAsync("test/echo", new JsonObject { ["text"] = "Dense(1) → (8, 14, 14) é" }, Wait);
        var (header, body, length) = await pipes.ReadFrameAsync();
        Assert.Equal($"Content-Length: {length}\r\n\r\n", header);
        Assert.Equal(length, Encoding.UTF8.GetByteCount(body));
        Assert.True(length > body.Length, "the body has multi-byte characters, so its byte count exceeds its char count");
        var firstId = JsonNode.Parse(body)!["id"]!.GetValue<long>();
        Assert.Equal("Dense(1) → (8, 14, 14) é", JsonNode.Parse(body)!["params"]!["text"]!.GetValue<string>());

        var second = rpc.RequestAsync("test/echo", new JsonObject { ["text"] = "two" }, Wait);
        var secondId = JsonNode.Parse((await pipes.ReadFrameAsync()).Body)!["id"]!.GetValue<long>();
        Assert.NotEqual(firstId, secondId);

        await pipes.WriteFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":" + secondId + ",\"result\":{\"answer\":\"for two\"}}");
        await pipes.WriteFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":" + firstId + ",\"result\":{\"answer\":\"for one ✓\"}}");
        Assert.Equal("for one ✓", (await first)!["answer"]!.GetValue<string>());
        Assert.Equal("for two", (await second)!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Server_requests_are_answered_with_their_id_and_notifications_are_delivered()
    {
        using var pipes = new WirePipes();
        await using var rpc = new JsonRpcConnection(pipes.ClientInput, pipes.ClientOutput);
        var notified = new ConcurrentQueue<string>();
        rpc.OnNotification = (method, p) => notified.Enqueue(method + " " + p?["uri"]);
        rpc.OnServerRequest = (method, p) => method == "workspace/configuration"
            ? new JsonArray(new JsonObject { ["analyzersEnabled"] = true })
            : null;
        rpc.Start();

        await pipes.WriteFrameAsync("""{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///a.cs","diagnostics":[]}}""");
        await pipes.WriteFrameAsync("""{"jsonrpc":"2.0","id":"cfg-7","method":"workspace/configuration","params":{"items":[{"section":"csharp"}]}}""");
        var answer = JsonNode.Parse((await pipes.ReadFrameAsync()).Body)!;
        Assert.Equal("cfg-7", answer["id"]!.GetValue<string>());
        Assert.True(answer["result"]![0]!["analyzersEnabled"]!.GetValue<bool>());
        Assert.Null(answer["error"]);
        Assert.Equal(new[] { "textDocument/publishDiagnostics file:///a.cs" }, notified.ToArray());
    }

    [Fact]
    public async Task An_error_answer_throws_with_its_code()
    {
        using var pipes = new WirePipes();
        await using var rpc = new JsonRpcConnection(pipes.ClientInput, pipes.ClientOutput);
        rpc.Start();
        var pending = rpc.RequestAsync("textDocument/definition", null, Wait);
        var id = JsonNode.Parse((await pipes.ReadFrameAsync()).Body)!["id"]!.GetValue<long>();
        await pipes.WriteFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}");
        var error = await Assert.ThrowsAsync<LspErrorException>(() => pending);
        Assert.Equal(-32603, error.Code);
    }

    [Fact]
    public async Task A_server_that_exits_fails_pending_requests_instead_of_hanging()
    {
        using var pipes = new WirePipes();
        await using var rpc = new JsonRpcConnection(pipes.ClientInput, pipes.ClientOutput);
        rpc.Start();
        var pending = rpc.RequestAsync("initialize", new JsonObject(), TimeSpan.FromMinutes(5));
        await pipes.ReadFrameAsync();
        pipes.CloseServerOutput();
        var finished = await Task.WhenAny(pending, Task.Delay(Wait));
        Assert.Same(pending, finished);
        await Assert.ThrowsAsync<IOException>(() => pending);
        Assert.NotNull(rpc.Failure);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_with_its_method_named()
    {
        using var pipes = new WirePipes();
        await using var rpc = new JsonRpcConnection(pipes.ClientInput, pipes.ClientOutput);
        rpc.Start();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => rpc.RequestAsync("textDocument/hover", null, TimeSpan.FromMilliseconds(200)));
        Assert.Contains("textDocument/hover", error.Message);
    }
}
