using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Dense(units)]: (N) -> (units); N * units (+ units bias) parameters. Spectral norm keeps the count
/// (its u and v are buffers).</summary>
internal sealed record Dense(long Units, bool Bias = true, bool SpectralNorm = false) : LayerOp
{
    public override string Display =>
        Invariant($"Dense({Units}{(Bias ? "" : ", Bias = false")}{(SpectralNorm ? ", SpectralNorm = true" : "")})");

    public override string Stem => "dense";

    public override IEnumerable<Invalid> Validate()
    {
        if (Units < 1) yield return new Invalid(Invariant($"units must be at least 1, got {Units}"));
    }

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 1) return RankRules.NeedsFlat(input, this);
        return Inferred.Ok(new Shape(Units), checked(input[0] * Units + (Bias ? Units : 0)));
    }

    public override LayerCode Code(Shape input, LayerContext context) => SpectralNorm
        ? new(Names.Layers + ".SpectralNormLinear",
            Invariant($"new {Names.Layers}.SpectralNormLinear(inputSize: {input[0]}, outputSize: {Units}, hasBias: {OpText.Bool(Bias)})"), "SN-Dense")
        : new(Names.Modules + ".Linear",
            Invariant($"{Names.Nn}.Linear(inputSize: {input[0]}, outputSize: {Units}, hasBias: {OpText.Bool(Bias)})"), "Dense");
}
