using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// Compares a network section of a checkpoint (TorchSharp's Module.save format: an entry count, then per entry a
/// name, a dtype, a rank, the sizes and the raw bytes; counts and sizes LEB128-coded) with a module's state_dict,
/// reading names, dtypes and shapes only. Module.load writes each tensor as it reads it, so a misfit found by load
/// itself would leave the module half-loaded; this check runs first and touches nothing.
/// </summary>
internal static class ModuleSectionCheck
{
    private const int Listed = 3;

    /// <summary>Null when the section fits <paramref name="module"/> exactly, else what does not fit.</summary>
    public static string? Problem(byte[] section, nn.Module module, string moduleName)
    {
        var expected = module.state_dict();
        var entries = new List<(string Name, ScalarType Type, long[] Shape)>();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(section, writable: false));
            long count = reader.Read7BitEncodedInt64();
            for (long i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                var type = (ScalarType)reader.Read7BitEncodedInt64();
                long rank = reader.Read7BitEncodedInt64();
                if (rank is < 0 or > 16) return $"entry '{name}' has rank {rank}: the section is not a network's state";
                var shape = new long[rank];
                for (int d = 0; d < rank; d++) shape[d] = reader.Read7BitEncodedInt64();
                long bytes = checked(shape.Aggregate(1L, (a, s) => checked(a * s)) * ElementSize(type, name));
                if (reader.BaseStream.Length - reader.BaseStream.Position < bytes) return $"entry '{name}' is cut short";
                reader.BaseStream.Seek(bytes, SeekOrigin.Current);
                entries.Add((name, type, shape));
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length) return "the section has bytes after its last entry";
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or OverflowException or InvalidDataException)
        {
            return "the section cannot be read as a network's state (" + e.Message + ")";
        }

        var names = entries.Select(e => e.Name).ToHashSet();
        var missing = expected.Keys.Where(k => !names.Contains(k)).ToList();
        var unexpected = entries.Select(e => e.Name).Where(n => !expected.ContainsKey(n)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0 || entries.Count != expected.Count)
        {
            var parts = new List<string>();
            if (entries.Count != expected.Count) parts.Add($"the checkpoint holds {entries.Count} tensors, {moduleName} has {expected.Count}");
            if (missing.Count > 0) parts.Add($"{moduleName} has {List(missing)}, which the checkpoint lacks");
            if (unexpected.Count > 0) parts.Add($"the checkpoint has {List(unexpected)}, which {moduleName} lacks");
            if (parts.Count == 0) parts.Add("a tensor name appears twice");
            return string.Join("; ", parts);
        }
        foreach (var (name, type, shape) in entries)
        {
            var target = expected[name];
            if (!shape.SequenceEqual(target.shape))
                return $"'{name}' is ({string.Join(", ", shape)}) in the checkpoint but ({string.Join(", ", target.shape)}) in {moduleName}";
            if (type != target.dtype)
                return $"'{name}' is {type} in the checkpoint but {target.dtype} in {moduleName}";
        }
        return null;
    }

    private static string List(List<string> names) =>
        string.Join(", ", names.Take(Listed).Select(n => $"'{n}'")) + (names.Count > Listed ? $" and {names.Count - Listed} more" : "");

    private static long ElementSize(ScalarType type, string name) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new InvalidDataException($"entry '{name}' has an unknown element type ({(int)type})"),
    };
}
