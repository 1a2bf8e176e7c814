using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Concat(name)]: the current value and a named one joined on the channel axis (images: H x W must agree)
/// or the feature axis (flat vectors). No parameters.</summary>
internal sealed record Concat(string Name) : MergeOp(Name)
{
    public override string Display => "Concat(" + OpText.Quoted(Name) + ")";

    public override string Stem => "concat";

    public override Inferred Infer(Shape current, Shape named)
    {
        string joins = Invariant($"{Display} joins {current} with {OpText.Quoted(Name)} {named}");
        if (current.Rank != named.Rank || current.Rank is not (1 or 3))
            return Inferred.Fail(ProblemCode.ConcatShapes, current.Rank is 1 or 3 && named.Rank is 1 or 3
                ? joins + ": a flat vector and an image cannot be concatenated; [Flatten] or [Reshape] one of them first"
                : joins + ": only flat (N) or image (C, H, W) values can be concatenated");
        if (current.Rank == 3 && (current[1] != named[1] || current[2] != named[2]))
            return Inferred.Fail(ProblemCode.ConcatShapes,
                joins + Invariant($": height x width differ, {current[1]} x {current[2]} vs {named[1]} x {named[2]}; images are concatenated on the channel axis, so both need the same height and width"));
        return Inferred.Ok(current.Rank == 1 ? new Shape(checked(current[0] + named[0])) : new Shape(checked(current[0] + named[0]), current[1], current[2]));
    }

    // Per-sample axis 0 is the tensor's axis 1 (after the batch), for flat vectors and images alike.
    public override string Expression(string current, string named) => $"{Names.Torch}.cat(new[] {{ {current}, {named} }}, 1)";
}
