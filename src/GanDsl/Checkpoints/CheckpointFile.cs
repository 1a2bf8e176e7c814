using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GanDsl;

/// <summary>
/// One checkpoint = one file: magic, format version, JSON metadata, named binary sections (TorchSharp's own
/// module and optimizer formats), then a SHA-256 of everything before it. Written to a temp file, flushed
/// to disk and renamed, so a crash leaves either the old file or the new one, never half of one.
/// Version 1 held the four sections of a [Gan] (generator, discriminator and their optimizers, all Adam); version 2
/// holds the sections its training objective names (networks, a moving average, optimizers of any kind, extra state)
/// and records each optimizer's kind in the metadata. Both are read; older GanDsl refuses version 2 by its number.
/// </summary>
public static class CheckpointFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("GANDSLCK");
    private const int FormatVersion = 2;
    private const int OldestReadable = 1;
    private const int HashLength = 32;

    public static void Write(string path, CheckpointMetadata metadata, IReadOnlyList<(string Name, Action<BinaryWriter> Write)> sections)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(metadata));
            writer.Write(sections.Count);
            foreach (var (name, write) in sections)
            {
                using var section = new MemoryStream();
                using (var sectionWriter = new BinaryWriter(section, Encoding.UTF8, leaveOpen: true))
                    write(sectionWriter);
                writer.Write(name);
                writer.Write(section.Length);
                section.Position = 0;
                section.CopyTo(body);
            }
        }
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));

        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(body.GetBuffer(), 0, (int)body.Length);
                file.Write(hash);
                file.Flush(flushToDisk: true);
            }
            TestPause.BeforeRename(path);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads only the metadata at the start of a checkpoint, without reading the rest or verifying its
    /// checksum: enough to tell which run and step a file belongs to.</summary>
    public static CheckpointMetadata ReadMetadata(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "the file does not exist");
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new CheckpointException(path, "it is not a GanDsl checkpoint (wrong magic bytes)");
            CheckVersion(path, reader.ReadInt32());
            return JsonSerializer.Deserialize<CheckpointMetadata>(reader.ReadString())
                   ?? throw new CheckpointException(path, "its metadata is empty");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or FormatException)
        {
            throw new CheckpointException(path, "its metadata cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Reads and verifies a checkpoint. Sections come back as byte arrays keyed by name.</summary>
    public static (CheckpointMetadata Metadata, Dictionary<string, byte[]> Sections) Read(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "the file does not exist");
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CheckpointException(path, bytes.Length < Magic.Length ? $"it is truncated ({bytes.Length} bytes)" : "it is not a GanDsl checkpoint (wrong magic bytes)");

        var bodyLength = bytes.Length - HashLength;
        var expected = bytes.AsSpan(bodyLength);
        var actual = SHA256.HashData(bytes.AsSpan(0, bodyLength));
        if (!actual.AsSpan().SequenceEqual(expected))
            throw new CheckpointException(path, "its checksum does not match its contents (the file is truncated or corrupt)");

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bodyLength), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            CheckVersion(path, reader.ReadInt32());
            var metadata = JsonSerializer.Deserialize<CheckpointMetadata>(reader.ReadString())
                           ?? throw new CheckpointException(path, "its metadata is empty");
            int count = reader.ReadInt32();
            var sections = new Dictionary<string, byte[]>();
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                long length = reader.ReadInt64();
                sections[name] = reader.ReadBytes(checked((int)length));
            }
            return (metadata, sections);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or OverflowException or IOException)
        {
            throw new CheckpointException(path, "its contents cannot be parsed: " + e.Message, e);
        }
    }

    private static void CheckVersion(string path, int version)
    {
        if (version < OldestReadable || version > FormatVersion)
            throw new CheckpointException(path, $"format version {version} is not supported (this GanDsl reads versions {OldestReadable} to {FormatVersion})");
    }
}
