using System.Linq;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Shapes;

/// <summary>The checked model: per-layer results (as far as inference got), the output shape and every problem.
/// <see cref="InputValid"/>: the declared input (LatentDim or the discriminator's shape) is usable.</summary>
internal sealed record ModelAnalysis(
    ModelSpec Spec,
    Shape Input,
    EquatableArray<LayerResult> Layers,
    Shape? Output,
    EquatableArray<Problem> Problems,
    bool InputValid = true)
{
    /// <summary>The declared input, when it is known for sure (valid, and read from well-formed attributes).</summary>
    public Shape? KnownInput => InputValid && !Spec.HasMalformedAttributes ? Input : null;

    public bool HasErrors => Spec.HasMalformedAttributes || Problems.Any(p => p.IsError);
    public long TotalParameters => Layers.Sum(l => l.Parameters);
}
