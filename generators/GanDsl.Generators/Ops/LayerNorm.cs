using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[LayerNorm]: normalises each whole sample (TorchSharp's LayerNorm over the per-sample shape); shape
/// unchanged, a scale and a shift per element: 2 * (element count) parameters.</summary>
internal sealed record LayerNorm(double Eps = 1e-5) : LayerOp
{
    public override string Display => Eps == 1e-5 ? "LayerNorm" : Invariant($"LayerNorm(Eps = {OpText.Num(Eps)})");

    public override string Stem => "layerNorm";

    public override IEnumerable<Invalid> Validate()
    {
        if (!(Eps > 0 && !double.IsInfinity(Eps))) yield return new Invalid(Invariant($"Eps must be positive, got {OpText.Num(Eps)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(input, checked(2 * input.ElementCount));

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".LayerNorm",
            $"{Names.Nn}.LayerNorm(normalized_shape: new long[] {{ {OpText.Join(input.Dims)} }}, eps: {OpText.Literal(Eps)})", "LayerNorm");
}
