using System;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Properties;

/// <summary>One focused test per bug the property and fuzz tests found, so each stays fixed by name.</summary>
public class FoundByPropertyTests
{
    private const string Pair =
        "[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class D { }\n";

    private static GeneratorResult Run(params string[] sources)
    {
        var result = GeneratorHarness.Run(sources.Select(s => "using GanDsl;\n" + s).ToArray());
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "AD0001" or "CS8785");
        return result;
    }

    private static void AssertCompiles(GeneratorResult result) =>
        Assert.True(!result.Errors.Any(), result.Describe());

    private static void AssertOnlyGan(GeneratorResult result, string id, string messagePart)
    {
        var errors = result.Errors.ToList();
        Assert.True(errors.Count > 0 && errors.All(d => d.Id == id), result.Describe());
        Assert.Contains(errors, d => d.GetMessage().Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact] // AddSource threw on the '@' of Fz.@event: every file of the run was lost (CS8785)
    public void Keyword_namespace_gets_a_valid_hint_name()
    {
        var result = Run("namespace Models.@event;\n[GanGenerator(LatentDim = 2)] [Dense(16), Reshape(1, 4, 4)] public partial class G { }\n" + Pair);
        AssertCompiles(result);
        Assert.Equal(2, result.Sources.Count);
        Assert.All(result.Sources.Keys, k => Assert.DoesNotContain("@", k));
    }

    [Fact] // Non-ASCII letters in names are replaced in the hint name, with a hash so two names cannot meet
    public void Non_ascii_namespace_gets_a_valid_hint_name()
    {
        var result = Run("namespace Modèles.Äbc;\n[GanGenerator(LatentDim = 2)] [Dense(16), Reshape(1, 4, 4)] public partial class G { }\n" + Pair);
        AssertCompiles(result);
        Assert.Equal(2, result.Sources.Count);
    }

    [Fact] // "partial class event" did not parse
    public void Keyword_class_name_is_escaped()
    {
        var result = Run("namespace T;\n[GanGenerator(LatentDim = 2)] [Dense(16), Reshape(1, 4, 4)] public partial class @event { }\n" + Pair +
                         "[Gan(typeof(@event), typeof(D))] public partial class @class { }\n");
        AssertCompiles(result);
        Assert.Contains("partial class @event", result.Sources["T.event.g.cs"]);
        Assert.Contains("partial class @class", result.Sources["T.class.g.cs"]);
    }

    [Fact] // "padding: 0" is a constant zero, which converts to TorchSharp.Padding too: CS0121 ambiguous call
    public void Conv2d_without_padding_compiles()
    {
        var result = Run("namespace T;\n[GanDiscriminator(1, 8, 8)] [Conv2d(2, Kernel = 3), Conv2d(2, Kernel = 3, Stride = 2, Padding = 0), Flatten, Dense(1)] public partial class D { }\n");
        AssertCompiles(result);
        Assert.DoesNotContain("padding: 0", result.Sources["T.D.g.cs"]);
    }

    [Fact] // typeof(null) is valid C#; the pairing was skipped in silence
    public void Gan_with_null_type_is_GAN006()
    {
        var result = Run("namespace T;\n" + Pair + "[Gan(null, typeof(D))] public partial class P { }\n");
        AssertOnlyGan(result, "GAN006", "not null");
    }

    [Fact] // both halves were generated under one hint name: AddSource threw
    public void Gan_on_a_network_class_is_GAN007()
    {
        var result = Run("namespace T;\n" + Pair + "[GanGenerator(LatentDim = 2), Gan(typeof(G), typeof(D))] [Dense(16), Reshape(1, 4, 4)] public partial class G { }\n");
        AssertOnlyGan(result, "GAN007", "cannot be both a [Gan] pairing and one of its networks");
    }

    [Theory] // CS0263: partial declarations must not specify different base classes
    [InlineData("Base")]
    [InlineData("object")]
    public void Own_base_class_is_GAN007(string baseClass)
    {
        var result = Run("namespace T;\npublic class Base { }\n[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class D : " + baseClass + " { }\n");
        AssertOnlyGan(result, "GAN007", "must not declare a base class");
    }

    [Fact] // an interface is fine
    public void Interfaces_are_allowed()
    {
        var result = Run("namespace T;\npublic interface IMarker { }\n[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class D : IMarker { }\n");
        AssertCompiles(result);
    }

    [Theory] // CS0102 / CS0111 in the generated half
    [InlineData("public static int InputShape => 3;", "InputShape")]
    [InlineData("private int dense1;", "dense1")]
    [InlineData("public D() { }", "D()")]
    [InlineData("public static int Graph => 3;", "Graph")]
    public void Members_the_generator_writes_are_GAN007(string member, string name)
    {
        var result = Run("namespace T;\n[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class D { " + member + " }\n");
        AssertOnlyGan(result, "GAN007", $"declares {name}, which GanDsl generates");
    }

    [Fact] // other members stay the user's business
    public void Unrelated_members_are_allowed()
    {
        var result = Run("namespace T;\n[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class D { private int dense0Count; public void Helper() { } }\n");
        AssertCompiles(result);
    }

    [Fact] // a user parameterless constructor on a [Gan] class does not chain to GanModel's (CS7036)
    public void Gan_constructor_is_GAN007()
    {
        var result = Run("namespace T;\n[GanGenerator(LatentDim = 2)] [Dense(16), Reshape(1, 4, 4)] public partial class G { }\n" + Pair +
                         "[Gan(typeof(G), typeof(D))] public partial class P { public P() { } }\n");
        AssertOnlyGan(result, "GAN007", "declares P()");
    }

    [Fact] // a user-derived LayerAttribute compiled and the class was skipped in silence
    public void Unknown_layer_attribute_is_GAN006()
    {
        var result = Run("namespace T;\n[System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)] public sealed class MyLayerAttribute : LayerAttribute { }\n" +
                         "[GanDiscriminator(1, 4, 4)] [Flatten, MyLayer, Dense(1)] public partial class D { }\n");
        AssertOnlyGan(result, "GAN006", "[MyLayerAttribute] is not a GanDsl layer");
    }

    [Fact] // CS0060: public P : GanModel<G, D> with G internal
    public void Public_gan_with_internal_network_is_GAN007()
    {
        var result = Run("namespace T;\n[GanGenerator(LatentDim = 2)] [Dense(16), Reshape(1, 4, 4)] internal partial class G { }\n" + Pair +
                         "[Gan(typeof(G), typeof(D))] public partial class P { }\n");
        AssertOnlyGan(result, "GAN007", "make G public or P internal");
    }

    [Fact] // layers without [GanGenerator]/[GanDiscriminator] did nothing, silently
    public void Layers_without_a_role_are_GAN007()
    {
        var result = Run("namespace T;\n[Upsample(2), Dense(3)] public class Lonely { }\n");
        AssertOnlyGan(result, "GAN007", "neither [GanGenerator], [GanDiscriminator] nor [GanBlock]");
    }

    [Fact] // a declaration without a name (syntax error) produced "partial class " in a file named "T..g.cs"
    public void Nameless_class_generates_nothing()
    {
        var result = Run("namespace T;\n[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class { }\n");
        Assert.Empty(result.Sources);
        Assert.Contains(result.Errors, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact] // every layer fits in int elements, but the parameter total passes long: the emitter threw (no file, no diagnostic)
    public void Parameter_total_overflow_is_GAN009()
    {
        var result = Run("namespace T;\n[GanGenerator(LatentDim = int.MaxValue)] [Dense(int.MaxValue), Dense(int.MaxValue), Dense(int.MaxValue)] public partial class G { }\n");
        AssertOnlyGan(result, "GAN009", "parameters");
    }

    [Fact] // the pure core says the same
    public void Parameter_total_overflow_in_the_checker()
    {
        var dense = new Dense(int.MaxValue);
        var spec = new NetworkSpec("T", "G", NetworkRole.Generator, new long[] { int.MaxValue }.ToEquatableArray(),
            new Op[] { dense, dense, dense }.ToEquatableArray(), EquatableArray<Problem>.Empty, false);
        var analysis = NetworkChecker.Check(spec);
        Assert.Contains(analysis.Problems, p => p.Code == ProblemCode.SizeOverflow);
    }
}
