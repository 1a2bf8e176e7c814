using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[AvgPool2d(k)]: (C, H, W) -> (C, floor(H / k), floor(W / k)), stride k, no padding; no parameters.</summary>
internal sealed record AvgPool2d(long Kernel) : LayerOp
{
    public override string Display => Invariant($"AvgPool2d({Kernel})");

    public override string Stem => "avgPool";

    public override IEnumerable<Invalid> Validate()
    {
        if (Kernel < 1) yield return new Invalid(Invariant($"kernel must be at least 1, got {Kernel}"));
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 3) return RankRules.NeedsImage(input, this, context);
        long h = input[1] / Kernel, w = input[2] / Kernel;
        if (h < 1 || w < 1)
        {
            bool height = h < 1;
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: output {(height ? "height" : "width")} = floor({(height ? input[1] : input[2])} / {Kernel}) = 0, less than 1"));
        }
        return Inferred.Ok(new Shape(input[0], h, w));
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".AvgPool2d", Invariant($"{Names.Nn}.AvgPool2d(kernel_size: {Kernel})"), "AvgPool2d");
}
