using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GanDsl.Tests.Generator;

public class CachingTests
{
    private static readonly string[] Steps =
    {
        GanSourceGenerator.TrackingNames.GeneratorModels,
        GanSourceGenerator.TrackingNames.DiscriminatorModels,
        GanSourceGenerator.TrackingNames.GanModels,
        GanSourceGenerator.TrackingNames.CheckedGenerators,
        GanSourceGenerator.TrackingNames.CheckedDiscriminators,
        GanSourceGenerator.TrackingNames.PairedGans,
        GanSourceGenerator.TrackingNames.CheckedGans,
    };

    private static IReadOnlyDictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        return Steps.ToDictionary(
            name => name,
            name => result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(o => o.Reason).ToArray());
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(SeedSources.Read("MlpModels.cs"), "namespace T; public class Unrelated { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int tree, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(tree);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 1, "namespace T; public class Unrelated { public int X; }");

        var reasons = Reasons(driver.RunGenerators(edited));

        foreach (var (step, outputs) in reasons)
        {
            Assert.NotEmpty(outputs);
            Assert.All(outputs, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void Comment_edit_in_the_model_file_reruns_parsing_but_outputs_are_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 0, "// a comment that changes nothing\n" + SeedSources.Read("MlpModels.cs"));

        var reasons = Reasons(driver.RunGenerators(edited));

        Assert.Contains(IncrementalStepRunReason.Unchanged, reasons[GanSourceGenerator.TrackingNames.GeneratorModels]);
        Assert.All(reasons[GanSourceGenerator.TrackingNames.CheckedGenerators],
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(reasons[GanSourceGenerator.TrackingNames.CheckedGans],
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Real_layer_change_is_modified()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 0, SeedSources.Read("MlpModels.cs").Replace("[Dense(256), LeakyReLU(0.2)]", "[Dense(300), LeakyReLU(0.2)]"));

        var reasons = Reasons(driver.RunGenerators(edited));

        Assert.Contains(IncrementalStepRunReason.Modified, reasons[GanSourceGenerator.TrackingNames.GeneratorModels]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[GanSourceGenerator.TrackingNames.CheckedGenerators]);
        // The [Gan] class itself did not change and is not read again; it is re-paired with the changed network.
        Assert.All(reasons[GanSourceGenerator.TrackingNames.GanModels],
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[GanSourceGenerator.TrackingNames.PairedGans]);
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects()
    {
        // Symbols, syntax nodes, locations or compilations inside a model would pin old compilations and defeat caching.
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SyntaxTree), typeof(AttributeData) };
        var seen = new HashSet<System.Type>();
        var assembly = typeof(GanSourceGenerator).Assembly;
        var roots = new[] { assembly.GetType("GanDsl.Generators.Model.NetworkSpec")!, assembly.GetType("GanDsl.Generators.Model.GanSpec")!, assembly.GetType("GanDsl.Generators.ModuleOutput")! };
        // a spec holds ops as the abstract Op: every kind of op is walked too
        var ops = assembly.GetTypes().Where(t => typeof(GanDsl.Generators.Ops.Op).IsAssignableFrom(t)).ToList();
        Assert.True(ops.Count > 25, "every op record should be found");
        var queue = new Queue<System.Type>(roots.Concat(ops));
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string)) continue;
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            {
                queue.Enqueue(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
                foreach (var arg in field.FieldType.GetGenericArguments()) queue.Enqueue(arg);
            }
        }
        Assert.True(seen.Count > 5, "the walk should reach the nested model types");
    }
}

/// <summary>Caching with graph networks: blocks are read into the networks that use them, so an unrelated edit still
/// leaves every step cached, and an edit to a block re-emits exactly the networks that use it.</summary>
public class GraphCachingTests
{
    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(GraphSources.Read("GraphModels.cs"), "namespace T; public class Unrelated { }");
        return (GeneratorHarness.Driver().RunGenerators(compilation), compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int tree, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(tree);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    /// <summary>The reason of each generator's checked output, by class name.</summary>
    private static Dictionary<string, IncrementalStepRunReason> Outputs(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        return steps[GanSourceGenerator.TrackingNames.CheckedGenerators].Concat(steps[GanSourceGenerator.TrackingNames.CheckedDiscriminators])
            .SelectMany(s => s.Outputs)
            .Where(o => o.Value is ModuleOutput)
            .ToDictionary(o => ((ModuleOutput)o.Value).HintName.Replace("GanDsl.Tests.Graphs.", "").Replace(".g.cs", ""), o => o.Reason);
    }

    [Fact]
    public void Unrelated_edit_leaves_every_graph_network_cached()
    {
        var (driver, compilation) = FirstRun();
        var outputs = Outputs(driver.RunGenerators(Replace(compilation, 1, "namespace T; public class Unrelated { public int X; }")));

        Assert.Equal(7, outputs.Count);
        Assert.All(outputs, o => Assert.True(o.Value is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{o.Key}: {o.Value}"));
    }

    [Fact]
    public void Editing_a_block_re_emits_only_the_networks_that_use_it()
    {
        var (driver, compilation) = FirstRun();
        var source = GraphSources.Read("GraphModels.cs");
        var edited = source.Replace("[ReflectionPad2d(1), Conv2d(Channels.Same, Kernel = 3), InstanceNorm, ReLU]",
                                    "[ReflectionPad2d(1), Conv2d(Channels.Same, Kernel = 3), InstanceNorm, LeakyReLU(0.2)]");
        Assert.NotEqual(source, edited);

        var outputs = Outputs(driver.RunGenerators(Replace(compilation, 0, edited)));

        Assert.Equal(IncrementalStepRunReason.Modified, outputs["ResNetGenerator"]);
        foreach (var other in outputs.Where(o => o.Key != "ResNetGenerator"))
            Assert.True(other.Value is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{other.Key}: {other.Value}");
    }
}
