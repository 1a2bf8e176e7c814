using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanDsl.Output;

namespace GanDsl.Evaluation;

/// <summary>
/// One classifier = one file: magic "GANDSLFC", format version, JSON <see cref="ClassifierInfo"/>, the network
/// in TorchSharp's module format, then a SHA-256 of everything before it, so any damaged copy is refused.
/// The shipped file is additionally pinned by <see cref="FashionClassifier.ShippedSha256"/>.
/// </summary>
internal static class ClassifierWeightsFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("GANDSLFC");
    private const int FormatVersion = 1;
    private const int HashLength = 32;

    public static byte[] Serialize(ClassifierInfo info, FashionClassifierNetwork network)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(info));
            using var weights = new MemoryStream();
            using (var weightWriter = new BinaryWriter(weights, Encoding.UTF8, leaveOpen: true))
                network.save(weightWriter);
            writer.Write(weights.Length);
            weights.Position = 0;
            weights.CopyTo(body);
        }
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(hash);
        return body.ToArray();
    }

    public static void Write(string path, ClassifierInfo info, FashionClassifierNetwork network) =>
        AtomicFile.WriteAllBytes(path, Serialize(info, network));

    /// <summary>Checks the bytes and returns the metadata and the network's bytes; throws
    /// <see cref="ClassifierWeightsException"/> naming <paramref name="origin"/> for anything wrong.</summary>
    public static (ClassifierInfo Info, byte[] Weights) Parse(byte[] bytes, string origin)
    {
        if (bytes.Length < Magic.Length + 4 + HashLength)
            throw new ClassifierWeightsException(origin, $"it is truncated ({bytes.Length} bytes)");
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ClassifierWeightsException(origin, "it is not a GanDsl classifier weights file (wrong magic bytes)");
        int bodyLength = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
            throw new ClassifierWeightsException(origin, "its checksum does not match its contents (the file is truncated or corrupt)");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bodyLength), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new ClassifierWeightsException(origin, $"format version {version} is not supported (this GanDsl reads {FormatVersion})");
            var info = JsonSerializer.Deserialize<ClassifierInfo>(reader.ReadString())
                       ?? throw new ClassifierWeightsException(origin, "its metadata is empty");
            if (info.Architecture != FashionClassifierNetwork.Architecture)
                throw new ClassifierWeightsException(origin, $"it holds a '{info.Architecture}' network, but this GanDsl's classifier is '{FashionClassifierNetwork.Architecture}'");
            long length = reader.ReadInt64();
            if (length < 0 || length != reader.BaseStream.Length - reader.BaseStream.Position)
                throw new ClassifierWeightsException(origin, $"its weights section claims {length} bytes but {reader.BaseStream.Length - reader.BaseStream.Position} follow");
            return (info, reader.ReadBytes((int)length));
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or NotSupportedException)
        {
            throw new ClassifierWeightsException(origin, "its contents cannot be parsed: " + e.Message, e);
        }
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
