namespace GanDsl.Generators.Shapes;

/// <summary>What inference learned about one layer: its input and output shapes, parameter count and conv arguments.</summary>
internal sealed record LayerResult(Shape Input, Shape Output, long Parameters, ConvPlan Conv);
