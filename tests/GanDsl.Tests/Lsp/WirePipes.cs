using System;
using System.Globalization;
using System.IO;
using System.IO.Pipes;
using System.Text;
using System.Threading.Tasks;

namespace GanDsl.Tests.Lsp;

/// <summary>A fake language server's end of two OS pipes: what the client writes arrives in <see cref="FromClient"/>,
/// what the test writes to <see cref="ToClient"/> the client reads. Frames are read and written here by hand, byte
/// by byte, so the tests check the client's framing against the wire format, not against itself.</summary>
internal sealed class WirePipes : IDisposable
{
    private readonly AnonymousPipeServerStream _clientToServer = new(PipeDirection.In);
    private readonly AnonymousPipeClientStream _clientWrites;
    private readonly AnonymousPipeServerStream _serverToClient = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _clientReads;

    public WirePipes()
    {
        _clientWrites = new AnonymousPipeClientStream(PipeDirection.Out, _clientToServer.ClientSafePipeHandle);
        _clientReads = new AnonymousPipeClientStream(PipeDirection.In, _serverToClient.ClientSafePipeHandle);
    }

    /// <summary>The streams the client gets: it reads the server's output and writes the server's input.</summary>
    public Stream ClientInput => _clientReads;
    public Stream ClientOutput => _clientWrites;

    public Stream FromClient => _clientToServer;
    public Stream ToClient => _serverToClient;

    /// <summary>Reads one frame the client wrote: the header text and the body as UTF-8.</summary>
    public async Task<(string Header, string Body, int Length)> ReadFrameAsync()
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await FromClient.ReadAsync(one) == 0) throw new EndOfStreamException("the client closed its output");
            header.Append((char)one[0]);
        }
        var text = header.ToString();
        var line = text.Substring(0, text.IndexOf("\r\n", StringComparison.Ordinal));
        int length = int.Parse(line.Substring("Content-Length: ".Length), CultureInfo.InvariantCulture);
        var body = new byte[length];
        await FromClient.ReadExactlyAsync(body);
        return (text, Encoding.UTF8.GetString(body), length);
    }

    public async Task WriteFrameAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await ToClient.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await ToClient.WriteAsync(body);
        await ToClient.FlushAsync();
    }

    public void CloseServerOutput() => _serverToClient.Dispose();

    public void Dispose()
    {
        _clientWrites.Dispose();
        _clientReads.Dispose();
        _clientToServer.Dispose();
        _serverToClient.Dispose();
    }
}
