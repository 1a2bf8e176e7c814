using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Emitting;

/// <summary>
/// The parts of a module that follow from its checked graph, for a network and for each block instance alike: a field
/// per layer (and per block copy), the constructor's assignments, forward's lines (one per node, its shape in a comment;
/// taps as comments, merges as expressions) and the nodes of its graph description.
/// </summary>
internal sealed class BodyEmitter
{
    private const int CommentColumn = 64;
    private const int FieldCommentColumn = 84;

    private readonly ValueGraph _graph;
    private readonly GraphShapes _shapes;
    private readonly long _classes;
    private readonly BlockClasses _blocks;

    public BodyEmitter(ValueGraph graph, GraphShapes shapes, long classes, BlockClasses blocks)
    {
        _graph = graph;
        _shapes = shapes;
        _classes = classes;
        _blocks = blocks;
    }

    private NodeResult Result(Node node) => _shapes.Results[node.Index]!;

    /// <summary>Nodes that hold a module in a field: layers and block copies.</summary>
    private IEnumerable<Node> Modules => _graph.Nodes.Where(n => n.Op is LayerOp or Block);

    private LayerContext Context => new(_classes, false);

    public void Fields(CodeWriter w)
    {
        foreach (var node in Modules)
        {
            var result = Result(node);
            if (node.Op is LayerOp layer)
                w.Line($"private readonly {layer.Code(result.Input, Context).FieldType} {FieldNames.Of(node)};", $"{layer.Display} -> {result.Output}", FieldCommentColumn);
            else
            {
                var block = (Block)node.Op;
                string copy = block.Copies > 1 ? Invariant($", copy {node.Copy + 1} of {block.Copies}") : "";
                w.Line($"private readonly {_blocks.NameOf(result.Block!)} {FieldNames.Of(node)};", $"{block.Name}{copy} -> {result.Output}", FieldCommentColumn);
            }
        }
    }

    public void Constructor(CodeWriter w)
    {
        foreach (var node in Modules)
        {
            var result = Result(node);
            string construct = node.Op is LayerOp layer ? layer.Code(result.Input, Context).Construct : $"new {_blocks.NameOf(result.Block!)}()";
            w.Line($"{FieldNames.Of(node)} = {construct};");
        }
        w.Line("RegisterComponents();");
    }

    /// <summary>forward's body: "// input ..." then a line per node; the last computing line returns.</summary>
    public void Forward(CodeWriter w, string inputComment)
    {
        w.Line(inputComment);
        var lines = new List<(string Code, string Comment, bool Assigns)>();
        foreach (var node in _graph.Nodes)
        {
            var result = Result(node);
            string source = VariableOf(node.Current);
            switch (node.Op)
            {
                case Tap tap:
                    lines.Add(("", $"{tap.Display}: {source} {result.Output}", false));
                    break;
                case MergeOp merge:
                    lines.Add(($"{merge.Expression(source, VariableOf(node.Named))};", $"{result.Output} {merge.Display}", true));
                    break;
                case LayerOp layer:
                    lines.Add(($"{FieldNames.Of(node)}.call({source}{(layer.ReadsLabels ? ", labels" : "")});", result.Output.ToString(), true));
                    break;
                default:
                    lines.Add(($"{FieldNames.Of(node)}.call({source});", result.Output.ToString(), true));
                    break;
            }
        }
        int last = lines.FindLastIndex(l => l.Assigns);
        bool returnsLast = last >= 0 && VariableOf(_graph.Output) == FieldVariable(last);
        for (int i = 0; i < lines.Count; i++)
        {
            var (code, comment, assigns) = lines[i];
            if (!assigns) w.Line("// " + comment);
            else if (returnsLast && i == last) w.Line("return " + code, comment, CommentColumn);
            else w.Line($"var {FieldVariable(i)} = {code}", comment, CommentColumn);
        }
        if (!returnsLast) w.Line($"return {VariableOf(_graph.Output)};");
    }

    private string FieldVariable(int nodeIndex) => FieldNames.Variable(_graph.Nodes[nodeIndex]);

    /// <summary>The variable holding a value: "input", or the node's (a tap is never read: names resolve past it).</summary>
    private string VariableOf(int value) => value == Value.Input ? "input" : FieldNames.Variable(_graph.Nodes[value]);

    private string NodeName(int value) => value == Value.Input ? "input" : FieldNames.Of(_graph.Nodes[value]);

    /// <summary>The graph description's nodes (taps compute nothing and are left out): name, op, inputs, output shape,
    /// parameters, and for a block use the class of the block instance (whose Graph the node refers to).</summary>
    public IEnumerable<(string Name, string Op, IReadOnlyList<string> Inputs, Shape Output, long Parameters, string? Block)> GraphNodes()
    {
        foreach (var node in _graph.Nodes)
        {
            if (node.Op is Tap) continue;
            var result = Result(node);
            var inputs = new List<string> { NodeName(node.Current) };
            if (node.Op is MergeOp) inputs.Add(NodeName(node.Named));
            if (node.Op is LayerOp { ReadsLabels: true }) inputs.Add("labels");
            yield return (FieldNames.Of(node), node.Op.Display, inputs, result.Output, result.Parameters, result.Block is { } instance ? _blocks.NameOf(instance) : null);
        }
    }

    /// <summary>Summary table rows: "conv0 (Conv2d)", output shape, parameters (taps are left out).</summary>
    public IEnumerable<(string Name, string Shape, long Parameters)> SummaryRows()
    {
        foreach (var node in _graph.Nodes)
        {
            var result = Result(node);
            string type = node.Op switch
            {
                Tap => "",
                MergeOp merge => merge.SummaryType,
                LayerOp layer => layer.Code(result.Input, Context).SummaryType,
                Block block => block.Name,
                _ => node.Op.Stem,
            };
            if (type.Length > 0) yield return ($"{FieldNames.Of(node)} ({type})", result.Output.ToString(), result.Parameters);
        }
    }
}
