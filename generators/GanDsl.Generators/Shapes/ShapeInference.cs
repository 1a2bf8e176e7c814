using System;
using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>What inference learned about one node: the shape it read, its output, its parameters, and for a [Block]
/// use the block as instantiated on that input.</summary>
internal sealed record NodeResult(Shape Input, Shape Output, long Parameters, BlockInstance? Block = null);

/// <summary>Shapes of one graph: per node (null where unknown), the output, every shape problem, the parameter total.</summary>
internal sealed class GraphShapes
{
    public GraphShapes(NodeResult?[] results, Shape? output, IReadOnlyList<Problem> problems, long parameters)
    {
        Results = results;
        Output = output;
        Problems = problems;
        Parameters = parameters;
    }

    public NodeResult?[] Results { get; }
    public Shape? Output { get; }
    public IReadOnlyList<Problem> Problems { get; }
    public long Parameters { get; }
}

/// <summary>A block on one input shape: its graph's shapes; the generated code makes one nested module per instance.</summary>
internal sealed class BlockInstance
{
    public BlockInstance(BlockDefinition definition, Shape input, GraphShapes shapes)
    {
        Definition = definition;
        Input = input;
        Shapes = shapes;
    }

    public BlockDefinition Definition { get; }
    public Shape Input { get; }
    public GraphShapes Shapes { get; }
    public string Name => Definition.Spec.ClassName;
}

/// <summary>
/// Walks a <see cref="ValueGraph"/> in order, giving each node its shape from the values it reads by its op's rule.
/// A node whose inputs are unknown (an earlier error) is unknown too, so one mistake is reported once. A [Block] use
/// infers the block's own graph on the shape it receives (once per block and shape), and reports what goes wrong
/// inside it at the use, pointing at the block's attribute as well. Pure: no Roslyn types.
/// </summary>
internal sealed class ShapeInference
{
    /// <summary>Largest per-sample element count we accept; larger tensors cannot be trained anyway.</summary>
    public const long MaxElements = int.MaxValue;

    /// <summary>Nodes one network may expand to, blocks included (a guard against repeats of repeats, not a design limit).</summary>
    public const int MaxNodes = 100_000;

    /// <summary>How deep blocks may nest inside blocks.</summary>
    public const int MaxDepth = 32;

    private readonly BlockCatalog _catalog;
    private readonly Dictionary<(string Key, Shape Input), BlockInstance> _instances = new();
    private int _budget = MaxNodes;

    public ShapeInference(BlockCatalog catalog) => _catalog = catalog;

    /// <param name="owner">The network's (or block's) class name, for a problem of the whole graph.</param>
    /// <param name="noiseInput">The input is a generator's latent vector (changes what wrong-rank messages suggest).</param>
    public GraphShapes Run(ValueGraph graph, Shape input, long classes, bool noiseInput, string owner) => Run(graph, input, classes, noiseInput, owner, 0);

    private GraphShapes Run(ValueGraph graph, Shape input, long classes, bool noiseInput, string owner, int depth)
    {
        var results = new NodeResult?[graph.Nodes.Count];
        var problems = new List<Problem>();
        long parameters = 0;
        Shape? ShapeOf(int value) => value == Value.Input ? input : value >= 0 ? results[value]?.Output : null;

        foreach (var node in graph.Nodes)
        {
            var current = ShapeOf(node.Current);
            if (node.Invalid || current is null) continue;
            if (--_budget < 0)
            {
                problems.Add(new Problem(ProblemCode.SizeOverflow, ProblemSeverity.Error, node.Attribute,
                    Invariant($"{node.Op.Display}: the network expands to more than {MaxNodes} layers (blocks and repeats included)")));
                break;
            }

            NodeResult? result;
            switch (node.Op)
            {
                case Tap:
                    result = new NodeResult(current, current, 0);
                    break;
                case MergeOp merge:
                    var named = ShapeOf(node.Named);
                    result = named is null ? null : Apply(node, current, () => merge.Infer(current, named), problems);
                    break;
                case Block block:
                    result = InferBlock(node, block, current, depth, problems);
                    break;
                case LayerOp layer:
                    var context = new LayerContext(classes, noiseInput && node.Current == Value.Input);
                    result = Apply(node, current, () => layer.Infer(current, context), problems);
                    break;
                default:
                    // Becomes GAN000, whose text must not depend on the culture (RS1035: no culture switching in analyzers).
                    throw new InvalidOperationException(Invariant($"unknown op {node.Op.GetType().Name}: {node.Op.Display}"));
            }
            if (result is null) continue;
            // Each node's count fits in a long, their sum need not (three Dense(int.MaxValue) layers); the emitter
            // writes the total as a long constant, so it must be checked here rather than throw there.
            if (result.Parameters > long.MaxValue - parameters)
            {
                problems.Add(new Problem(ProblemCode.SizeOverflow, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                    Invariant($"{owner}: the total number of parameters exceeds {long.MaxValue}")));
                break;
            }
            results[node.Index] = result;
            parameters += result.Parameters;
        }
        return new GraphShapes(results, ShapeOf(graph.Output), problems, parameters);
    }

    /// <summary>Runs a rule, turning its failure, an overflow or an oversized output into a problem on the node's attribute.</summary>
    private static NodeResult? Apply(Node node, Shape input, Func<Inferred> rule, List<Problem> problems)
    {
        Inferred inferred;
        try { inferred = rule(); }
        catch (OverflowException)
        {
            problems.Add(Overflow(node, input, "the size arithmetic overflows 64-bit integers"));
            return null;
        }
        if (inferred.Failure is { } failure)
        {
            problems.Add(new Problem(failure.Code, ProblemSeverity.Error, node.Attribute, failure.Message, failure.Fix));
            return null;
        }
        var output = inferred.Output!;
        // A double product cannot overflow; anything above the limit is refused before it reaches a long.
        if (output.Dims.Aggregate(1.0, (a, d) => a * d) > MaxElements)
        {
            problems.Add(Overflow(node, input, Invariant($"output {output} has more than {MaxElements} elements per sample")));
            return null;
        }
        return new NodeResult(input, output, inferred.Parameters);
    }

    private static Problem Overflow(Node node, Shape input, string what) =>
        new(ProblemCode.SizeOverflow, ProblemSeverity.Error, node.Attribute, Invariant($"{node.Op.Display} on input {input}: {what}"));

    private NodeResult? InferBlock(Node node, Block block, Shape input, int depth, List<Problem> problems)
    {
        // A missing or broken block has its problem reported at this use by the checker; its output is unknown.
        var definition = _catalog.Find(block.Key);
        if (definition is null || definition.Error is not null || definition.Malformed) return null;
        if (depth >= MaxDepth)
        {
            problems.Add(new Problem(ProblemCode.RecursiveBlock, ProblemSeverity.Error, node.Attribute,
                Invariant($"{block.Display}: blocks nest more than {MaxDepth} deep here")));
            return null;
        }
        var key = (block.Key, input);
        if (!_instances.TryGetValue(key, out var instance))
        {
            var shapes = Run(definition.Graph, input, 0, false, block.Name, depth + 1);
            _instances[key] = instance = new BlockInstance(definition, input, shapes);
        }
        bool failed = false;
        foreach (var inner in instance.Shapes.Problems)
        {
            problems.Add(new Problem(inner.Code, inner.Severity, node.Attribute,
                Invariant($"{block.Name} on input {input}: {inner.Message}"), "", inner.Inner ?? (inner.Target >= 0 ? new BlockSite(block.Key, inner.Target) : null)));
            failed |= inner.IsError;
        }
        if (failed || instance.Shapes.Output is null) return null;
        return new NodeResult(input, instance.Shapes.Output, instance.Shapes.Parameters, instance);
    }
}
