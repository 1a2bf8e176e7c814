using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Ops;

/// <summary>[GlobalSumPool], [GlobalAvgPool]: (C, H, W) -> (C), summing or averaging over H x W; no parameters. One
/// record for the two, because they differ only in their name.</summary>
internal sealed record GlobalPool(bool Sum) : LayerOp
{
    public static readonly GlobalPool SumPool = new(true);
    public static readonly GlobalPool AvgPool = new(false);

    private string Name => Sum ? "GlobalSumPool" : "GlobalAvgPool";

    public override string Display => Name;

    public override string Stem => Sum ? "globalSumPool" : "globalAvgPool";

    public override Inferred Infer(Shape input, LayerContext context) =>
        input.Rank != 3 ? RankRules.NeedsImage(input, this, context) : Inferred.Ok(new Shape(input[0]));

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Layers + "." + Name, $"new {Names.Layers}.{Name}()", Name);
}
