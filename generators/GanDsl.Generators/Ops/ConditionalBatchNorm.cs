using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ConditionalBatchNorm]: batch norm whose gain and bias are chosen by each sample's class, on (N) or
/// (C, H, W); shape unchanged, 2 * Classes * (N or C) parameters. Same arguments and rules as <see cref="BatchNorm"/>.</summary>
internal sealed record ConditionalBatchNorm(double Momentum = 0.1, double Eps = 1e-5) : LayerOp
{
    private BatchNorm Plain => new(Momentum, Eps);

    public override string Display => Invariant($"ConditionalBatchNorm(Momentum = {OpText.Num(Momentum)}, Eps = {OpText.Num(Eps)})");

    public override string Stem => "conditionalBatchNorm";

    public override bool ReadsLabels => true;

    public override IEnumerable<Invalid> Validate() => Plain.Validate();

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank is 1 or 3 ? Inferred.Ok(input, checked(2 * context.Classes * input[0])) : RankRules.NeedsFlatOrImage(input, this);

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Layers + ".ConditionalBatchNorm",
            Invariant($"new {Names.Layers}.ConditionalBatchNorm(classes: {context.Classes}, features: {input[0]}, image: {OpText.Bool(input.Rank == 3)}, eps: {OpText.Literal(Eps)}, momentum: {OpText.Literal(Momentum)})"),
            "ConditionalBatchNorm");
}
