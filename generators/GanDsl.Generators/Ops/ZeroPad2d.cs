using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ZeroPad2d(left, right, top, bottom)]: (C, H, W) -> (C, H + top + bottom, W + left + right); no parameters.</summary>
internal sealed record ZeroPad2d(long Left, long Right, long Top, long Bottom) : LayerOp
{
    public override string Display => Invariant($"ZeroPad2d({Left}, {Right}, {Top}, {Bottom})");

    public override string Stem => "zeroPad";

    public override IEnumerable<Invalid> Validate()
    {
        if (Left < 0 || Right < 0 || Top < 0 || Bottom < 0) yield return new Invalid("padding must be 0 or more on every side");
    }

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank != 3 ? RankRules.NeedsImage(input, this, context)
            : Inferred.Ok(new Shape(input[0], checked(input[1] + Top + Bottom), checked(input[2] + Left + Right)));

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".ZeroPad2d", Invariant($"{Names.Nn}.ZeroPad2d(padding: ({Left}, {Right}, {Top}, {Bottom}))"), "ZeroPad2d");
}
