using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[PReLU]: any shape, unchanged; one learned slope shared by all elements (PyTorch's default
/// num_parameters = 1, as SRGAN uses it): one parameter.</summary>
internal sealed record PReLU(double Init = 0.25) : LayerOp
{
    public override string Display => Init == 0.25 ? "PReLU" : Invariant($"PReLU(Init = {OpText.Num(Init)})");

    public override string Stem => "prelu";

    public override IEnumerable<Invalid> Validate()
    {
        if (double.IsNaN(Init) || double.IsInfinity(Init)) yield return new Invalid(Invariant($"Init must be a finite number, got {OpText.Num(Init)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(input, 1);

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".PReLU", Invariant($"{Names.Nn}.PReLU(num_parameters: 1, init: {OpText.Literal(Init)})"), "PReLU");
}
