using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Shapes;

/// <summary>
/// The checked network: its graph, per-node shapes (as far as inference got), the output shape and every problem.
/// <see cref="InputValid"/>: the declared input (LatentDim or the input shape) is usable. <see cref="UsesMalformedBlock"/>:
/// a block it uses has attributes the compiler rejects (the compiler reports them), so it cannot be built either.
/// </summary>
internal sealed class NetworkAnalysis
{
    public NetworkAnalysis(NetworkSpec spec, Shape input, bool inputValid, ValueGraph graph, GraphShapes? shapes,
        IReadOnlyList<Problem> problems, bool usesMalformedBlock)
    {
        Spec = spec;
        Input = input;
        InputValid = inputValid;
        Graph = graph;
        Shapes = shapes;
        Problems = problems;
        UsesMalformedBlock = usesMalformedBlock;
    }

    public NetworkSpec Spec { get; }
    public Shape Input { get; }
    public bool InputValid { get; }
    public ValueGraph Graph { get; }
    public GraphShapes? Shapes { get; }
    public IReadOnlyList<Problem> Problems { get; }
    public bool UsesMalformedBlock { get; }

    /// <summary>The output shape, when every layer's is known.</summary>
    public Shape? Output => HasErrors ? null : Shapes?.Output;

    /// <summary>The declared input, when it is known for sure (valid, and read from well-formed attributes).</summary>
    public Shape? KnownInput => InputValid && !Spec.HasMalformedAttributes ? Input : null;

    public bool HasErrors => Spec.HasMalformedAttributes || UsesMalformedBlock || Problems.Any(p => p.IsError);

    public long TotalParameters => Shapes?.Parameters ?? 0;

    /// <summary>The result of a node (null where inference stopped).</summary>
    public NodeResult? this[Node node] => Shapes?.Results[node.Index];
}
