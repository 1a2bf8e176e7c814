using System.Linq;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Shapes;

/// <summary>The checked model: per-layer results (as far as inference got), the output shape and every problem.</summary>
internal sealed record ModelAnalysis(
    ModelSpec Spec,
    Shape Input,
    EquatableArray<LayerResult> Layers,
    Shape? Output,
    EquatableArray<Problem> Problems)
{
    public bool HasErrors => Spec.HasMalformedAttributes || Problems.Any(p => p.IsError);
    public long TotalParameters => Layers.Sum(l => l.Parameters);
}
