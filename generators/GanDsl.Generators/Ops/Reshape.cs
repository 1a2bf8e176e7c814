using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Reshape(dims...)]: any shape -> (dims...), same element count; no parameters.</summary>
internal sealed record Reshape(EquatableArray<long> Dims) : LayerOp
{
    public override string Display => "Reshape(" + OpText.Join(Dims) + ")";

    public override string Stem => "reshape";

    public override IEnumerable<Invalid> Validate()
    {
        if (Dims.Count == 0) yield return new Invalid("needs at least one dimension");
        foreach (var d in Dims)
            if (d < 1) { yield return new Invalid(Invariant($"every dimension must be at least 1, got {d}")); break; }
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        var target = new Shape(Dims);
        long want = target.ElementCount, have = input.ElementCount;
        return want == have
            ? Inferred.Ok(target)
            : Inferred.Fail(ProblemCode.ReshapeCount, Invariant($"{Display} needs {want} elements {target} but its input {input} has {have}"),
                Suggestions.ForReshapeCount(input, target));
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Layers + ".Reshape", $"new {Names.Layers}.Reshape({OpText.Join(Dims)})", "Reshape");
}
