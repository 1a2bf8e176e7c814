using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>The generated API carries its nullability to callers whatever the project's Nullable setting: the generated
/// files declare their own annotation context (they do not ask for nullable warnings, whose flow analysis of every
/// generated body an IDE would pay again on each edit). In a project with Nullable off, only the files' own directive
/// can make these annotations anything but oblivious.</summary>
public class GeneratedNullabilityTests
{
    private const string Models =
        "using GanDsl;\nnamespace T;\n" +
        "[GanGenerator(LatentDim = 8)]\n[Dense(16), Tanh, Reshape(1, 4, 4)]\npublic partial class G { }\n" +
        "[GanDiscriminator(1, 4, 4)]\n[Flatten, Dense(1)]\npublic partial class D { }\n" +
        "[Gan(typeof(G), typeof(D))]\npublic partial class P { }\n" +
        "[GanDiscriminator(1, 4, 4)]\n[Dense(1)]\npublic partial class Broken { }\n" +     // GAN004: a declaration half
        "[Gan(typeof(G), typeof(Broken))]\npublic partial class BrokenPair { }\n";

    private static Compilation Generated(NullableContextOptions projectSetting)
    {
        var compilation = GeneratorHarness.Compilation(Models);
        compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(projectSetting));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return output;
    }

    [Theory]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Enable)]
    public void Generated_members_are_annotated_for_callers(NullableContextOptions projectSetting)
    {
        var compilation = Generated(projectSetting);
        INamedTypeSymbol Type(string name) => compilation.GetTypeByMetadataName("T." + name)!;

        foreach (var pair in new[] { Type("P"), Type("BrokenPair") })
        {
            var constructor = pair.InstanceConstructors.Single(c => c.Parameters.Length == 1);
            Assert.Equal(NullableAnnotation.Annotated, constructor.Parameters[0].NullableAnnotation); // GanOptions? options
            var load = pair.GetMembers("Load").OfType<IMethodSymbol>().Single();
            Assert.Equal(NullableAnnotation.NotAnnotated, load.ReturnNullableAnnotation);
            Assert.Equal(NullableAnnotation.NotAnnotated, load.Parameters[0].NullableAnnotation);       // string path
            Assert.Equal(NullableAnnotation.Annotated, load.Parameters[1].NullableAnnotation);          // GanOptions? options
        }
        foreach (var network in new[] { Type("G"), Type("D"), Type("Broken") })
        {
            var summary = network.GetMembers("Summary").OfType<IMethodSymbol>().Single();
            Assert.Equal(NullableAnnotation.NotAnnotated, summary.ReturnNullableAnnotation);
            foreach (var name in new[] { "InputShape", "OutputShape", "Graph" })
                Assert.Equal(NullableAnnotation.NotAnnotated, network.GetMembers(name).OfType<IPropertySymbol>().Single().NullableAnnotation);
            var forward = network.GetMembers("forward").OfType<IMethodSymbol>().Single();
            Assert.Equal(NullableAnnotation.NotAnnotated, forward.ReturnNullableAnnotation);
            Assert.Equal(NullableAnnotation.NotAnnotated, forward.Parameters[0].NullableAnnotation);
        }
    }

    [Fact]
    public void A_caller_with_nullable_warnings_gets_none_from_the_generated_api()
    {
        var compilation = Generated(NullableContextOptions.Enable).AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "namespace T;\npublic static class Caller\n{\n" +
            "    public static string Use()\n    {\n" +
            "        using var gan = new P(null);\n        using var again = P.Load(\"x\", null);\n" +
            "        GanDsl.TensorShape shape = G.OutputShape;\n        GanDsl.NetworkGraph graph = D.Graph;\n" +
            "        return G.Summary() + shape + graph.Nodes.Count;\n    }\n}\n", GeneratorHarness.ParseOptions, "Caller.cs"));

        var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
