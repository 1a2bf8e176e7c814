using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using GanDsl.Tests.Properties;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>A generated network's static Graph, compiled and read at run time, holds what the pure core inferred:
/// the same name, inputs, nodes (name, op, inputs, output shape, parameters) and block graphs, whatever form the
/// generated code gives it (constructor calls before, a constant text read by NetworkGraphText now).</summary>
public class GeneratedGraphTests
{
    [Fact]
    public void Generated_graphs_hold_what_the_checker_inferred()
    {
        const int Count = 24;
        var (seed, graphs) = SeededSample.Draw(EmitterAgreementTests.ValidGraphs, Count); // blocks, merges and labels among them
        var sources = graphs.Select((g, i) => $"using GanDsl;\nnamespace Agree{i};\n{g.Source}\n").ToArray();
        var compilation = GeneratorHarness.Compilation(sources);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emit = generated.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(image.ToArray());
        Assert.Contains(graphs, g => g.Ops.Any(o => o is Block));
        Assert.Contains(graphs, g => g.Classes > 0);

        for (int i = 0; i < Count; i++)
        {
            var analysis = NetworkChecker.Check(graphs[i].Spec);
            var expected = Expected("D", analysis.Graph, analysis.Shapes!, analysis.Input, graphs[i].Classes);
            var actual = (NetworkGraph)assembly.GetType($"Agree{i}.D")!.GetProperty("Graph")!.GetValue(null)!;
            var difference = Difference(expected, actual, "D");
            Assert.True(difference is null, $"graph {i} of seed {seed}: {difference}\n{graphs[i].Source}");
        }
    }

    [Fact]
    public void A_repeated_block_shares_one_graph_in_the_generated_graph()
    {
        var resNet = Tests.Graphs.ResNetGenerator.Graph;
        var blocks = resNet.Nodes.Where(n => n.Block is not null).ToList();
        Assert.Equal(6, blocks.Count);
        Assert.All(blocks, b => Assert.Same(blocks[0].Block, b.Block));
        Assert.Equal("ResidualBlock", blocks[0].Block!.Name);
        Assert.Equal(new TensorShape(64, 7, 7), blocks[0].Block!.Inputs[0].Shape);
    }

    /// <summary>The graph the old emitter wrote as constructor calls, built from the pure core the same way.</summary>
    private static NetworkGraph Expected(string name, ValueGraph graph, GraphShapes shapes, Shape input, long classes)
    {
        string NodeName(int value) => value == Value.Input ? "input" : FieldNames.Of(graph.Nodes[value]);
        var inputs = new List<GraphInput> { new("input", new TensorShape(input.Dims.ToArray())) };
        if (classes > 0) inputs.Add(new("labels", new TensorShape()));
        var nodes = new List<GraphNode>();
        foreach (var node in graph.Nodes.Where(n => n.Op is not Tap))
        {
            var result = shapes.Results[node.Index]!;
            var reads = new List<string> { NodeName(node.Current) };
            if (node.Op is MergeOp) reads.Add(NodeName(node.Named));
            if (node.Op is LayerOp { ReadsLabels: true }) reads.Add("labels");
            var block = result.Block is { } b ? Expected(b.Name, b.Definition.Graph, b.Shapes, b.Input, 0) : null;
            nodes.Add(new GraphNode(FieldNames.Of(node), node.Op.Display, reads, new TensorShape(result.Output.Dims.ToArray()), result.Parameters, block));
        }
        return new NetworkGraph(name, inputs, nodes, (int)classes);
    }

    /// <summary>The first place two graphs differ, or null (records compare lists by reference, so field by field).</summary>
    internal static string? Difference(NetworkGraph expected, NetworkGraph actual, string where)
    {
        if (expected.Name != actual.Name) return $"{where}: name {actual.Name}, expected {expected.Name}";
        if (expected.Classes != actual.Classes) return $"{where}: classes {actual.Classes}, expected {expected.Classes}";
        string Inputs(NetworkGraph g) => string.Join("; ", g.Inputs.Select(i => $"{i.Name} {i.Shape}"));
        if (Inputs(expected) != Inputs(actual)) return $"{where}: inputs {Inputs(actual)}, expected {Inputs(expected)}";
        if (expected.Nodes.Count != actual.Nodes.Count) return $"{where}: {actual.Nodes.Count} nodes, expected {expected.Nodes.Count}";
        for (int i = 0; i < expected.Nodes.Count; i++)
        {
            GraphNode e = expected.Nodes[i], a = actual.Nodes[i];
            string Text(GraphNode n) => $"{n.Name} | {n.Op} | {string.Join(", ", n.Inputs)} | {n.OutputShape} | {n.Parameters} | block {n.Block is not null}";
            if (Text(e) != Text(a)) return $"{where} node {i}: {Text(a)}, expected {Text(e)}";
            if (e.Block is not null && Difference(e.Block, a.Block!, $"{where}.{e.Name}") is { } inner) return inner;
        }
        return null;
    }
}
