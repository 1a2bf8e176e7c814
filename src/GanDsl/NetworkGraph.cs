using System.Collections.Generic;
using System.Linq;

namespace GanDsl;

/// <summary>
/// A generated network as the source generator inferred it, for tools that read networks (export, evaluation): its
/// inputs and its nodes in the order forward runs them. Every generated network exposes one as its static
/// <c>Graph</c> property. Taps compute nothing and are not nodes: a node that reads a tapped value lists the node that
/// produced it.
/// </summary>
/// <param name="Name">The network's class name (or, for a block's body, the block's).</param>
/// <param name="Inputs">"input", and "labels" for a class-conditional network.</param>
/// <param name="Nodes">In execution order; the last one's output is the network's.</param>
/// <param name="Classes">Classes of a conditional network's labels; 0 for an unconditional one.</param>
public sealed record NetworkGraph(string Name, IReadOnlyList<GraphInput> Inputs, IReadOnlyList<GraphNode> Nodes, int Classes = 0)
{
    /// <summary>The shape of one output sample: the last node's.</summary>
    public TensorShape OutputShape => Nodes.Count > 0 ? Nodes[Nodes.Count - 1].OutputShape : Inputs[0].Shape;

    /// <summary>Trainable parameters of every node, blocks included.</summary>
    public long ParameterCount => Nodes.Sum(n => n.Parameters);

    /// <summary>The node of that name, or null.</summary>
    public GraphNode? Find(string name) => Nodes.FirstOrDefault(n => n.Name == name);
}

/// <summary>An input of a network: "input" with the shape of one sample, or "labels" (one int64 class per sample,
/// shape ()).</summary>
public sealed record GraphInput(string Name, TensorShape Shape);

/// <summary>One node of a <see cref="NetworkGraph"/>.</summary>
/// <param name="Name">The node's name: the generated field for a layer ("conv3"), or the merge ("concat9", "add12").</param>
/// <param name="Op">The op as written in the source: "Conv2d(64, Kernel = 4, Stride = 2)", "Concat(\"e1\")".</param>
/// <param name="Inputs">Names of the nodes or inputs it reads, in order ("labels" for label layers).</param>
/// <param name="OutputShape">Shape of one output sample.</param>
/// <param name="Parameters">Trainable parameters (a block's: all of its layers').</param>
/// <param name="Block">For a block use, the block's own graph at this input shape; null otherwise.</param>
public sealed record GraphNode(string Name, string Op, IReadOnlyList<string> Inputs, TensorShape OutputShape, long Parameters, NetworkGraph? Block = null);
