using System.Collections.Generic;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Graph;

/// <summary>References to values: a node's index, or one of these.</summary>
internal static class Value
{
    /// <summary>The network's (or block's) input, "input".</summary>
    public const int Input = -1;

    /// <summary>A name that resolves to nothing (GAN013 says why); whatever reads it has no shape.</summary>
    public const int Unknown = -2;

    /// <summary>No second input (every op but a merge).</summary>
    public const int None = -3;
}

/// <summary>
/// One op of the graph. <see cref="Attribute"/>: the layer attribute it comes from (its index in the class);
/// <see cref="Copy"/>: which of a [Block]'s repeats it is (0 otherwise). <see cref="Current"/>: the value it reads (a
/// Tap reads and names it); <see cref="Named"/>: a merge's second value. <see cref="Invalid"/>: its arguments are wrong
/// (GAN006), so it has no shape.
/// </summary>
internal sealed record Node(int Index, Op Op, int Attribute, int Copy, int Current, int Named, bool Invalid);

/// <summary>
/// A network or block as a value graph: its nodes in source order (every op is one node; a [Block] is one per repeat),
/// each reading earlier values by index, and the value it outputs. Taps are nodes that compute nothing: names resolve
/// to the tapped value itself, so nothing reads a Tap node. Built by <see cref="GraphBuilder"/> from the ops alone;
/// <see cref="Problems"/> are those no shape is needed for (arguments, names, labels, placement).
/// </summary>
internal sealed class ValueGraph
{
    public ValueGraph(IReadOnlyList<Node> nodes, int output, IReadOnlyList<Problem> problems)
    {
        Nodes = nodes;
        Output = output;
        Problems = problems;
    }

    public IReadOnlyList<Node> Nodes { get; }
    public int Output { get; }
    public IReadOnlyList<Problem> Problems { get; }
}
