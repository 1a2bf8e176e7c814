using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace GanDsl.Data;

/// <summary>The contents of one IDX file of unsigned bytes: its dimensions and its data, row-major.</summary>
public sealed record IdxArray(string FilePath, int[] Dimensions, byte[] Data)
{
    public long Count => Dimensions.Length == 0 ? 0 : Dimensions[0];
}

/// <summary>
/// Reads IDX files (the MNIST format: 0x00 0x00 type rank, big-endian int32 sizes, then the data),
/// gzip-compressed or raw. Only unsigned-byte data (type 0x08), which is what image and label files use.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: IDX file not found", path);
        using var file = File.OpenRead(path);
        return Read(file, path);
    }

    /// <summary>Reads IDX data, gzip-compressed or raw, from a stream; <paramref name="name"/> only names it in errors.</summary>
    public static IdxArray Read(Stream stream, string name)
    {
        byte[] bytes;
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        try
        {
            if (IsGzip(bytes)) bytes = Gunzip(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(name, $"the gzip stream is corrupt or truncated ({e.Message})");
        }
        return Parse(name, bytes);
    }

    /// <summary>Parses IDX bytes already in memory; <paramref name="path"/> only names them in errors.</summary>
    public static IdxArray Parse(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
            throw new IdxFormatException(path, $"truncated: {bytes.Length} bytes, too short for the 4-byte IDX magic number");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new IdxFormatException(path, $"not an IDX file: the magic number starts with 0x{bytes[0]:X2} 0x{bytes[1]:X2}, expected 0x00 0x00");
        if (bytes[2] != UnsignedByte)
            throw new IdxFormatException(path, $"unsupported IDX data type 0x{bytes[2]:X2}: only unsigned bytes (0x08) are supported");
        int rank = bytes[3];
        if (rank == 0) throw new IdxFormatException(path, "the IDX header declares zero dimensions");

        int header = 4 + 4 * rank;
        if (bytes.Length < header)
            throw new IdxFormatException(path, $"truncated header: {rank} dimensions need {header} bytes, the file has {bytes.Length}");
        var dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(4 + 4 * i, 4));
            if (dims[i] < 0) throw new IdxFormatException(path, $"dimension {i} is negative ({dims[i]})");
            expected *= dims[i];
            if (expected > Array.MaxLength) throw new IdxFormatException(path, $"declares more than {Array.MaxLength} elements");
        }
        long actual = bytes.Length - header;
        if (actual < expected)
            throw new IdxFormatException(path, $"truncated: the header declares {Describe(dims)} = {expected} bytes of data, the file has {actual}");
        if (actual > expected)
            throw new IdxFormatException(path, $"{actual - expected} unexpected bytes after the {expected} bytes of data that the header ({Describe(dims)}) declares");
        return new IdxArray(path, dims, bytes.Slice(header).ToArray());
    }

    private static string Describe(int[] dims) => string.Join(" x ", dims);

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
