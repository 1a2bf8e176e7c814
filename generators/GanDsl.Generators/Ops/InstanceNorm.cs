using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[InstanceNorm]: InstanceNorm2d on (C, H, W), shape unchanged; no running statistics; 2 * C parameters
/// with Affine = true, else none (PyTorch's defaults, as CycleGAN uses it).</summary>
internal sealed record InstanceNorm(double Eps = 1e-5, bool Affine = false) : LayerOp
{
    public override string Display
    {
        get
        {
            var parts = new List<string>();
            if (Eps != 1e-5) parts.Add("Eps = " + OpText.Num(Eps));
            if (Affine) parts.Add("Affine = true");
            return parts.Count == 0 ? "InstanceNorm" : "InstanceNorm(" + string.Join(", ", parts) + ")";
        }
    }

    public override string Stem => "instanceNorm";

    public override IEnumerable<Invalid> Validate()
    {
        if (!(Eps > 0 && !double.IsInfinity(Eps))) yield return new Invalid(Invariant($"Eps must be positive, got {OpText.Num(Eps)}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank != 3 ? RankRules.NeedsImage(input, this, context) : Inferred.Ok(input, Affine ? checked(2 * input[0]) : 0);

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".InstanceNorm2d",
            Invariant($"{Names.Nn}.InstanceNorm2d(num_features: {input[0]}, eps: {OpText.Literal(Eps)}, affine: {OpText.Bool(Affine)})"), "InstanceNorm2d");
}
