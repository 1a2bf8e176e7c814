using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Shapes;

/// <summary>A per-sample tensor shape (no batch dimension), PyTorch order: (C, H, W) or (N).</summary>
internal sealed class Shape : IEquatable<Shape>
{
    public Shape(IEnumerable<long> dims) => Dims = dims.ToEquatableArray();
    public Shape(params long[] dims) : this((IEnumerable<long>)dims) { }

    public EquatableArray<long> Dims { get; }
    public int Rank => Dims.Count;
    public long this[int i] => Dims[i];

    /// <summary>Element count of one sample; throws OverflowException past long.</summary>
    public long ElementCount => Dims.Aggregate(1L, (a, d) => checked(a * d));

    public bool Equals(Shape? other) => other is not null && Dims.Equals(other.Dims);
    public override bool Equals(object? obj) => Equals(obj as Shape);
    public override int GetHashCode() => Dims.GetHashCode();
    public override string ToString() => "(" + string.Join(", ", Dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
}
