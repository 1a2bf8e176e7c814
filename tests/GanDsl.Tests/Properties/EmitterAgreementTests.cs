using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using CsCheck;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Properties;

/// <summary>The runtime builder of the property test builds what the generator writes: same factories, same
/// arguments; and generated modules (graphs with merges, blocks and labels), compiled and run, produce the shapes and
/// parameter counts TorchSharp gives the builder's modules.</summary>
[Collection(SerialCollection.Name)]
public class EmitterAgreementTests
{
    /// <summary>Valid graphs: a final Flatten (and Dense(1), or a projection for a conditional one) makes them
    /// discriminators; cases the checker rejects, or that end in a projection already, are left out.</summary>
    internal static readonly Gen<GraphCase> ValidGraphs = GraphGen.Cases
        .Select(g => g.Ops.LastOrDefault() is ProjectLabel ? g
            : g with { Ops = g.Ops.Concat(new Op[] { Flatten.Instance, g.Classes > 0 ? new ProjectLabel() : new Dense(1) }).ToArray() })
        .Where(g => !NetworkChecker.Check(g.Spec).HasErrors);

    [Fact]
    public void Emitted_constructor_arguments_equal_the_runtime_builders()
    {
        SeededSample.Run(ValidGraphs, graph =>
        {
            var analysis = NetworkChecker.Check(graph.Spec);
            foreach (var (op, input) in Layers(analysis.Graph, analysis.Shapes!))
            {
                var emitted = Parse(op.Code(input, new LayerContext(graph.Classes, false)).Construct);
                using var built = RuntimeBuilder.Build(op, input.Dims.ToArray(), graph.Classes);
                Assert.Equal(built.Recipe.ToString(), emitted.ToString());
            }
        }, iter: 500, threads: 1, print: s => s.Source);
    }

    /// <summary>Every layer of a checked graph with its input shape, blocks included.</summary>
    private static IEnumerable<(LayerOp Op, Shape Input)> Layers(ValueGraph graph, GraphShapes shapes)
    {
        foreach (var node in graph.Nodes)
        {
            var result = shapes.Results[node.Index]!;
            if (node.Op is LayerOp layer) yield return (layer, result.Input);
            if (result.Block is { } block)
                foreach (var inner in Layers(block.Definition.Graph, block.Shapes)) yield return inner;
        }
    }

    [Fact]
    public void Generated_modules_compile_and_run_with_the_inferred_shapes()
    {
        const int Count = 24;
        var (seed, graphs) = SeededSample.Draw(ValidGraphs, Count); // the same fixed seed as the other property tests
        var sources = graphs.Select((g, i) => $"using GanDsl;\nnamespace Agree{i};\n{g.Source}\n").ToArray();
        var compilation = GeneratorHarness.Compilation(sources);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emit = generated.Emit(image);
        Assert.True(emit.Success, $"seed {seed}: " + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + string.Join("\n", sources));
        var assembly = Assembly.Load(image.ToArray());
        Assert.True(graphs.Any(g => g.Ops.Any(o => o is Block)) && graphs.Any(g => g.Ops.Any(o => o is MergeOp)) && graphs.Any(g => g.Classes > 0),
            "the sample should hold blocks, merges and labels: " + string.Join("\n", graphs.Select(g => g.Source)));

        using var scope = torch.NewDisposeScope();
        for (int i = 0; i < Count; i++)
        {
            var graph = graphs[i];
            try
            {
                var analysis = NetworkChecker.Check(graph.Spec);
                using var module = (nn.Module)Activator.CreateInstance(assembly.GetType($"Agree{i}.D")!)!;
                var input = torch.randn(new long[] { 2 }.Concat(graph.Input).ToArray());
                var output = graph.Classes > 0
                    ? ((nn.Module<Tensor, Tensor, Tensor>)module).call(input, torch.tensor(new long[] { 0, graph.Classes - 1 }))
                    : ((nn.Module<Tensor, Tensor>)module).call(input);
                var run = RunOutcome.Run(graph);
                Assert.True(run.Succeeded, run.Error);
                Assert.Equal(new long[] { 2 }.Concat(analysis.Output!.Dims).ToArray(), output.shape);
                Assert.Equal(run.Ops[^1].Output, output.shape.Skip(1).ToArray());
                Assert.Equal(analysis.TotalParameters, module.parameters().Sum(p => p.numel()));
                Assert.Equal(run.Ops.Sum(r => r.Parameters), module.parameters().Sum(p => p.numel()));
            }
            catch (Exception e)
            {
                throw new Exception($"graph {i} of seed {seed} (Agree{i}.D):\n{graph.Source}\n{e.Message}", e);
            }
        }
    }

    /// <summary>Reads "global::TorchSharp.torch.nn.Conv2d(in_channels: 3, kernel_size: (3, 3), ...)" or
    /// "new global::GanDsl.Layers.Reshape(1, 28, 28)" into a recipe; TorchSharp defaults are filled in.</summary>
    internal static Recipe Parse(string expression)
    {
        var text = expression.StartsWith("new ", StringComparison.Ordinal) ? expression.Substring(4) : expression;
        int open = text.IndexOf('(');
        var factory = text.Substring(0, open);
        factory = factory.Substring(factory.LastIndexOf('.') + 1);
        var inner = text.Substring(open + 1, text.Length - open - 2);
        var args = new List<KeyValuePair<string, string>>();
        int depth = 0, start = 0;
        for (int i = 0; i <= inner.Length; i++)
        {
            if (i < inner.Length && inner[i] is '(' or '{') depth++;
            else if (i < inner.Length && inner[i] is ')' or '}') depth--;
            else if (i == inner.Length || (inner[i] == ',' && depth == 0))
            {
                var part = inner.Substring(start, i - start).Trim();
                start = i + 1;
                if (part.Length == 0) continue;
                int colon = part.IndexOf(": ", StringComparison.Ordinal);
                bool named = colon > 0 && !part.Substring(0, colon).Contains(' ') && !part.StartsWith("(", StringComparison.Ordinal);
                args.Add(named ? new(part.Substring(0, colon), part.Substring(colon + 2)) : new("", part));
            }
        }
        // "padding: 0" is left out of Conv2d's long overload (ambiguous with the Padding enum); 0 is its default.
        if (factory is "Conv2d" or "SpectralNormConv2d" && !args.Any(a => a.Key == "padding"))
            args.Insert(args.FindIndex(a => a.Key == "stride") + 1, new("padding", "0"));
        return new Recipe(factory, args);
    }
}
