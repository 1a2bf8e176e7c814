using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Dropout(p)]: any shape, unchanged; no parameters.</summary>
internal sealed record Dropout(double P) : LayerOp
{
    public override string Display => Invariant($"Dropout({OpText.Num(P)})");

    public override string Stem => "dropout";

    public override IEnumerable<Invalid> Validate()
    {
        if (!(P >= 0 && P < 1)) yield return new Invalid(Invariant($"p must be in [0, 1), got {OpText.Num(P)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(input);

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".Dropout", Invariant($"{Names.Nn}.Dropout(p: {OpText.Literal(P)})"), "Dropout");
}
