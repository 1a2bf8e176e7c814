using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[BatchNorm]: BatchNorm1d on (N), BatchNorm2d on (C, H, W); shape unchanged, 2 * (N or C) parameters.</summary>
internal sealed record BatchNorm(double Momentum = 0.1, double Eps = 1e-5) : LayerOp
{
    public override string Display => Invariant($"BatchNorm(Momentum = {OpText.Num(Momentum)}, Eps = {OpText.Num(Eps)})");

    public override string Stem => "batchNorm";

    public override IEnumerable<Invalid> Validate()
    {
        if (!(Momentum >= 0 && Momentum <= 1)) yield return new Invalid(Invariant($"Momentum must be in [0, 1], got {OpText.Num(Momentum)}"));
        if (!(Eps > 0 && !double.IsInfinity(Eps))) yield return new Invalid(Invariant($"Eps must be positive, got {OpText.Num(Eps)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank is 1 or 3 ? Inferred.Ok(input, checked(2 * input[0])) : RankRules.NeedsFlatOrImage(input, this);

    public override LayerCode Code(Shape input, LayerContext context)
    {
        string kind = input.Rank == 1 ? "BatchNorm1d" : "BatchNorm2d";
        return new(Names.Modules + "." + kind,
            Invariant($"{Names.Nn}.{kind}(num_features: {input[0]}, eps: {OpText.Literal(Eps)}, momentum: {OpText.Literal(Momentum)})"), kind);
    }
}
