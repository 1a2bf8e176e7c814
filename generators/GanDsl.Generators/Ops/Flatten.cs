using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Ops;

/// <summary>[Flatten]: any shape -> (element count); no parameters.</summary>
internal sealed record Flatten : LayerOp
{
    public static readonly Flatten Instance = new();

    public override string Display => "Flatten";

    public override string Stem => "flatten";

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(new Shape(input.ElementCount));

    public override LayerCode Code(Shape input, LayerContext context) => new(Names.Modules + ".Flatten", Names.Nn + ".Flatten()", "Flatten");
}
