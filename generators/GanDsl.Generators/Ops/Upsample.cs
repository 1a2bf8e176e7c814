using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Upsample(scale)]: (C, H, W) -> (C, H * scale, W * scale), nearest neighbour; no parameters.</summary>
internal sealed record Upsample(long Scale) : LayerOp
{
    public override string Display => Invariant($"Upsample({Scale})");

    public override string Stem => "upsample";

    public override IEnumerable<Invalid> Validate()
    {
        if (Scale < 1) yield return new Invalid(Invariant($"scale must be at least 1, got {Scale}"));
    }

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank != 3 ? RankRules.NeedsImage(input, this, context)
            : Inferred.Ok(new Shape(input[0], checked(input[1] * Scale), checked(input[2] * Scale)));

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Modules + ".Upsample",
            Invariant($"{Names.Nn}.Upsample(scale_factor: new double[] {{ {Scale}, {Scale} }}, mode: global::TorchSharp.torch.UpsampleMode.Nearest)"), "Upsample");
}
