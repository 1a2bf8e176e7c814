using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GanDsl;

/// <summary>An immutable per-sample tensor shape (no batch dimension), e.g. (1, 28, 28).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TensorShapeJsonConverter))]
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly long[] _dims;

    public TensorShape(params long[] dims) => _dims = (long[])dims.Clone();

    public int Rank => _dims.Length;
    public long this[int index] => _dims[index];
    public IReadOnlyList<long> Dimensions => _dims;

    /// <summary>Number of elements in one sample.</summary>
    public long ElementCount => _dims.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>The shape with a leading batch dimension, ready for reshape/randn calls.</summary>
    public long[] WithBatch(long batch) => new[] { batch }.Concat(_dims).ToArray();

    /// <summary>True when <paramref name="batchShape"/> is this shape preceded by a batch dimension.</summary>
    public bool MatchesBatch(ReadOnlySpan<long> batchShape) =>
        batchShape.Length == _dims.Length + 1 && batchShape[1..].SequenceEqual(_dims);

    public static TensorShape OfBatch(ReadOnlySpan<long> batchShape) => new(batchShape[1..].ToArray());

    public bool Equals(TensorShape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);
    public override bool Equals(object? obj) => Equals(obj as TensorShape);
    public override int GetHashCode() => _dims.Aggregate(17, (h, d) => h * 31 + d.GetHashCode());
    public override string ToString() => "(" + string.Join(", ", _dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
    public static bool operator ==(TensorShape? a, TensorShape? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(TensorShape? a, TensorShape? b) => !(a == b);
}
