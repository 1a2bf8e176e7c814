using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ReflectionPad2d(p)]: (C, H, W) -> (C, H + 2p, W + 2p), mirrored at the edges; PyTorch needs p &lt; H and
/// p &lt; W (a reflection cannot reach past the far edge). No parameters.</summary>
internal sealed record ReflectionPad2d(long Padding) : LayerOp
{
    public override string Display => Invariant($"ReflectionPad2d({Padding})");

    public override string Stem => "reflectionPad";

    public override IEnumerable<Invalid> Validate()
    {
        if (Padding < 0) yield return new Invalid(Invariant($"padding must be 0 or more, got {Padding}"));
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 3) return RankRules.NeedsImage(input, this, context);
        if (Padding >= input[1] || Padding >= input[2])
        {
            bool height = Padding >= input[1];
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: reflection padding must be smaller than the {(height ? "height" : "width")} {(height ? input[1] : input[2])}, got {Padding}"));
        }
        return Inferred.Ok(new Shape(input[0], checked(input[1] + 2 * Padding), checked(input[2] + 2 * Padding)));
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".ReflectionPad2d", Invariant($"{Names.Nn}.ReflectionPad2d(padding: {Padding})"), "ReflectionPad2d");
}
