using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace GanDsl.Tests.Data;

/// <summary>Builds IDX files byte by byte, so each test can break exactly one thing.</summary>
internal static class IdxBytes
{
    public static byte[] Create(int[] dims, byte type = 0x08, Func<int, byte>? value = null)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var bytes = new byte[4 + 4 * dims.Length + count];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        for (long i = 0; i < count; i++) bytes[4 + 4 * dims.Length + i] = (value ?? (j => (byte)(j % 256)))((int)i);
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(raw);
        return memory.ToArray();
    }
}
