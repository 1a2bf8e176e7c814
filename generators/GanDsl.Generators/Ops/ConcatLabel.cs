using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ConcatLabel(dim)]: appends a learned dim-element embedding of the label: (N) -> (N + dim), or
/// (C, H, W) -> (C + dim, H, W) broadcast over H x W. Classes * dim parameters.</summary>
internal sealed record ConcatLabel(long Dim) : LayerOp
{
    public override string Display => Invariant($"ConcatLabel({Dim})");

    public override string Stem => "concatLabel";

    public override bool ReadsLabels => true;

    public override IEnumerable<Invalid> Validate()
    {
        if (Dim < 1) yield return new Invalid(Invariant($"dim must be at least 1, got {Dim}"));
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        long parameters = checked(context.Classes * Dim);
        return input.Rank switch
        {
            1 => Inferred.Ok(new Shape(checked(input[0] + Dim)), parameters),
            3 => Inferred.Ok(new Shape(checked(input[0] + Dim), input[1], input[2]), parameters),
            _ => RankRules.NeedsFlatOrImage(input, this),
        };
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Layers + ".ConcatLabel", Invariant($"new {Names.Layers}.ConcatLabel(classes: {context.Classes}, dim: {Dim})"), "ConcatLabel");
}
