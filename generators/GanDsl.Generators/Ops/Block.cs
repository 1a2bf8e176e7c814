using System.Collections.Generic;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Block(typeof(X), Repeat = n)]: the layers of block X, n times in a row, each copy with its own weights.
/// <see cref="Key"/> finds X's spec among the network's blocks; empty when the type is not a [GanBlock] class (the
/// reader reports that).</summary>
internal sealed record Block(string Key, string Name, long Repeat = 1) : Op
{
    /// <summary>Copies one use may make: each becomes a field and a line of the generated forward.</summary>
    public const long MaxRepeat = 1000;

    public override string Display => Repeat == 1 ? Invariant($"Block(typeof({Name}))") : Invariant($"Block(typeof({Name}), Repeat = {Repeat})");

    /// <summary>The block's class name in camel case: "resBlock".</summary>
    public override string Stem => Name.Length == 0 ? "block" : char.ToLowerInvariant(Name[0]) + Name.Substring(1);

    /// <summary>The copies the graph holds: Repeat when valid, else one (its shape is then unknown).</summary>
    public int Copies => Repeat >= 1 && Repeat <= MaxRepeat ? (int)Repeat : 1;

    public override IEnumerable<Invalid> Validate()
    {
        if (Repeat < 1) yield return new Invalid(Invariant($"Repeat must be at least 1, got {Repeat}"));
        else if (Repeat > MaxRepeat) yield return new Invalid(Invariant($"Repeat must be at most {MaxRepeat}, got {Repeat}"));
    }
}
