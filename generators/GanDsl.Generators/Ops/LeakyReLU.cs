using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[LeakyReLU(slope)]: any shape, unchanged; no parameters.</summary>
internal sealed record LeakyReLU(double Slope = 0.01) : LayerOp
{
    public override string Display => Invariant($"LeakyReLU({OpText.Num(Slope)})");

    public override string Stem => "leakyRelu";

    public override IEnumerable<Invalid> Validate()
    {
        if (double.IsNaN(Slope) || double.IsInfinity(Slope)) yield return new Invalid(Invariant($"slope must be a finite number, got {OpText.Num(Slope)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(input);

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".LeakyReLU", Invariant($"{Names.Nn}.LeakyReLU(negative_slope: {OpText.Literal(Slope)})"), "LeakyReLU");
}
