using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using CsCheck;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Properties;

/// <summary>The runtime builder of the property test builds what the generator writes: same factories, same
/// arguments; and generated modules, compiled and run, produce the shapes TorchSharp gives the builder's modules.</summary>
[Collection(SerialCollection.Name)]
public class EmitterAgreementTests
{
    /// <summary>Valid stacks, made valid discriminators by a final [Flatten] [Dense(1)].</summary>
    private static readonly Gen<Stack> ValidStacks = StackGen.Stacks
        .Select(s => new Stack(s.Input, s.Layers.Concat(new[] { new LayerSpec(LayerKind.Flatten), new LayerSpec(LayerKind.Dense) { Units = 1 } }).ToArray()))
        .Where(s => !ModelChecker.Check(s.Spec).HasErrors);

    [Fact]
    public void Emitted_constructor_arguments_equal_the_runtime_builders()
    {
        SeededSample.Run(ValidStacks, stack =>
        {
            var analysis = ModelChecker.Check(stack.Spec);
            for (int i = 0; i < stack.Layers.Length; i++)
            {
                var layer = stack.Layers[i];
                var result = analysis.Layers[i];
                var emitted = Parse(LayerEmitter.Construct(layer, result));
                var (module, recipe) = RuntimeBuilder.Build(layer, result.Input.Dims.ToArray());
                module.Dispose();
                Assert.Equal(recipe.ToString(), emitted.ToString());
            }
        }, iter: 500, threads: 1, print: s => s.Source);
    }

    [Fact]
    public void Generated_modules_compile_and_run_with_the_inferred_shapes()
    {
        const int Count = 12;
        var (seed, stacks) = SeededSample.Draw(ValidStacks, Count); // the same fixed seed as the other property tests
        var sources = stacks.Select((s, i) => $"using GanDsl;\nnamespace Agree{i};\n{s.Source}\n").ToArray();
        var compilation = GeneratorHarness.Compilation(sources);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emit = generated.Emit(image);
        Assert.True(emit.Success, $"seed {seed}: " + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + string.Join("\n", sources));
        var assembly = Assembly.Load(image.ToArray());

        using var scope = torch.NewDisposeScope();
        for (int i = 0; i < Count; i++)
        {
            var stack = stacks[i];
            try
            {
                var analysis = ModelChecker.Check(stack.Spec);
                using var module = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(assembly.GetType($"Agree{i}.D")!)!;
                var input = torch.randn(new long[] { 2 }.Concat(stack.Input).ToArray());
                var output = module.call(input);
                var run = RunOutcome.Run(stack.Input, stack.Layers);
                Assert.True(run.Succeeded, run.Error);
                Assert.Equal(new long[] { 2 }.Concat(analysis.Output!.Dims).ToArray(), output.shape);
                Assert.Equal(run.Outputs[^1], output.shape.Skip(1).ToArray());
                Assert.Equal(analysis.TotalParameters, module.parameters().Sum(p => p.numel()));
            }
            catch (Exception e)
            {
                throw new Exception($"stack {i} of seed {seed} (Agree{i}.D):\n{stack.Source}\n{e.Message}", e);
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
        if (factory == "Conv2d" && !args.Any(a => a.Key == "padding"))
            args.Insert(args.FindIndex(a => a.Key == "stride") + 1, new("padding", "0"));
        return new Recipe(factory, args);
    }
}
