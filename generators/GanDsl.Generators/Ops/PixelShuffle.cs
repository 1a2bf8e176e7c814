using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[PixelShuffle(r)]: (C, H, W) -> (C / r^2, H * r, W * r); C must be divisible by r^2 (GAN003). No parameters.</summary>
internal sealed record PixelShuffle(long Factor) : LayerOp
{
    public override string Display => Invariant($"PixelShuffle({Factor})");

    public override string Stem => "pixelShuffle";

    public override IEnumerable<Invalid> Validate()
    {
        if (Factor < 1) yield return new Invalid(Invariant($"factor must be at least 1, got {Factor}"));
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 3) return RankRules.NeedsImage(input, this, context);
        long square = checked(Factor * Factor);
        if (input[0] % square != 0)
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: the {input[0]} channels are not divisible by {Factor}^2 = {square}; give the layer before it a multiple of {square} channels"));
        return Inferred.Ok(new Shape(input[0] / square, checked(input[1] * Factor), checked(input[2] * Factor)));
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".PixelShuffle", Invariant($"{Names.Nn}.PixelShuffle(upscale_factor: {Factor})"), "PixelShuffle");
}
