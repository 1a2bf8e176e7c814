using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>
/// A model with errors still gets the declaration half of its class (base type, interface, the members users call,
/// each throwing if ever reached), so code that names it compiles and the GANxxx error is the only one: a compiler
/// error anywhere stops `dotnet build` before analyzers run, and would hide every GanDsl diagnostic of the project.
/// Where the declaration half itself would be a compiler error, nothing is generated.
/// </summary>
public class DeclarationHalfTests
{
    private const string Header = "using GanDsl;\nusing TorchSharp;\nnamespace T;\n";

    // The repro: D has a bad argument, user code names the pair as type arguments.
    private const string Generator = "[GanGenerator(LatentDim = 8)] [Dense(2)] public partial class G { }\n";
    private const string BrokenDiscriminator = "[GanDiscriminator(2)] [Dense(16), Dropout(1.5)] [Dense(1)] public partial class D { }\n";
    private const string Holder = "public class Holder { public GanModel<G, D>? Model; }\n";
    private const string Pair = "[Gan(typeof(G), typeof(D))] public partial class Pair { }\n";

    private static GeneratorResult Run(string body)
    {
        var result = GeneratorHarness.Run(Header + body);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        return result;
    }

    /// <summary>Every error of the compilation (generated code included), as "ID: message".</summary>
    private static string[] Errors(GeneratorResult result) =>
        result.Errors.Select(d => $"{d.Id}: {d.GetMessage()}").OrderBy(e => e, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_bad_layer_argument_is_the_only_error_when_user_code_names_the_model()
    {
        var result = Run(Generator + BrokenDiscriminator + Holder);

        Assert.Equal(new[] { "GAN006: Dropout(1.5): p must be in [0, 1), got 1.5" }, Errors(result));
        Assert.False(GeneratorHarness.IsDeclarationOnly(result.Sources["T.G.g.cs"]));
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.D.g.cs"]));
    }

    [Fact]
    public void A_user_override_of_forward_is_GAN007_only()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 8)] [Dense(2)]\n" +
            "public partial class G { public override torch.Tensor forward(torch.Tensor input) => input; }\n" +
            "[GanDiscriminator(2)] [Dense(1)] public partial class D { }\n" + Holder + Pair);

        Assert.Equal(new[] { "GAN007: [GanGenerator] G declares forward, which GanDsl generates; rename or remove it" }, Errors(result));
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.G.g.cs"]));
        Assert.DoesNotContain(" forward(", result.Sources["T.G.g.cs"]);
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.Pair.g.cs"]));
    }

    [Fact]
    public void A_gan_with_a_broken_network_gets_its_declaration_half_so_its_users_compile()
    {
        var result = Run(Generator + BrokenDiscriminator + Pair +
            "public static class Use\n{\n" +
            "    public static void Run()\n    {\n" +
            "        using var gan = new Pair(new GanOptions { Seed = 1 });\n" +
            "        using var again = Pair.Load(\"run\");\n" +
            "        var images = gan.Sample(4);\n" +
            "        System.Console.WriteLine($\"{Pair.LatentDim} {Pair.Loss} {Pair.LearningRate} {Pair.ImageShape} {Pair.Declaration} {images}\");\n" +
            "    }\n}\n");

        Assert.Equal(new[] { "GAN006: Dropout(1.5): p must be in [0, 1), got 1.5" }, Errors(result));
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.Pair.g.cs"]));
    }

    [Fact]
    public void A_gan_with_its_own_errors_gets_its_declaration_half()
    {
        var result = Run(Generator + "[GanDiscriminator(2)] [Dense(1)] public partial class D { }\n" + Holder +
            "[Gan(typeof(G), typeof(D), LearningRate = -1)] public partial class Pair { }\n" +
            "public static class Use { public static Pair Make() => new Pair(); }\n");

        Assert.Equal(new[] { "GAN006: [Gan]: LearningRate must be positive, got -1" }, Errors(result));
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.Pair.g.cs"]));
    }

    [Fact]
    public void The_declaration_half_keeps_what_is_declared_and_throws_naming_the_class_and_its_errors()
    {
        const string body = Generator + BrokenDiscriminator + Pair;
        var assembly = Load(body, Run(body));
        var d = assembly.GetType("T.D")!;
        var pair = assembly.GetType("T.Pair")!;

        // Declared, so known: the discriminator's input shape; the pair's latent size (from G) and options.
        Assert.Equal("(2)", d.GetProperty("InputShape")!.GetValue(null)!.ToString());
        Assert.Equal(8, pair.GetField("LatentDim")!.GetValue(null));
        Assert.Equal(2e-4, pair.GetField("LearningRate")!.GetValue(null));

        // Inferred from the broken layers, so unknown: these throw, as do constructing and running.
        var outputShape = Assert.Throws<TargetInvocationException>(() => d.GetProperty("OutputShape")!.GetValue(null));
        var construct = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(d));
        var constructPair = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(pair, new object?[] { null }));
        foreach (var thrown in new[] { outputShape, construct, constructPair })
            Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Equal("GanDsl could not build D: GAN006 on D. Only its declaration was generated; fix the errors the build reports.",
            construct.InnerException!.Message);
        Assert.Equal("GanDsl could not build Pair: GAN006 on D. Only its declaration was generated; fix the errors the build reports.",
            constructPair.InnerException!.Message);
    }

    /// <summary>Declaration halves that would be compiler errors themselves are not written: the class keeps only
    /// what the user wrote, and the GANxxx error (if any) stays the only error.</summary>
    [Theory]
    // not partial, nested, generic: another half would be another class or CS0260
    [InlineData("[GanDiscriminator(2)] [Dropout(1.5), Dense(1)] public class D { }", "GAN006,GAN007", false)]
    [InlineData("public partial class Outer { [GanDiscriminator(2)] [Dropout(1.5), Dense(1)] public partial class D { } }", "GAN006,GAN007", false)]
    [InlineData("[GanDiscriminator(2)] [Dropout(1.5), Dense(1)] public partial class D<TX> { }", "GAN006,GAN007", false)]
    // a constructor of the user's that would call TorchSharp's module constructor without a name (CS7036)
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public D() { } }", "GAN007", false)]
    [InlineData("[GanDiscriminator(2)] [Dropout(1.5), Dense(1)] public partial class D { public D(int seed) { } }", "GAN006", false)]
    // ... but one that chains to the generated constructor is fine
    [InlineData("[GanDiscriminator(2)] [Dropout(1.5), Dense(1)] public partial class D { public D(int seed) : this() { } }", "GAN006", true)]
    // user members that implement the interface are left to the user; ones that cannot would be CS0535
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public static TensorShape InputShape => new(2); }", "GAN007", true)]
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public int InputShape; }", "GAN007", false)]
    // a forward that does not override TorchSharp's abstract one would leave it unimplemented (CS0534)
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public torch.Tensor forward(torch.Tensor a, torch.Tensor b) => a; }", "GAN007", false)]
    // a conditional network's forward takes the labels too; a user Graph that implements the interface is left to the user
    [InlineData("[GanDiscriminator(2, Classes = 3)] [ConcatLabel(1), Dropout(1.5), Dense(1)] public partial class D { public override torch.Tensor forward(torch.Tensor a, torch.Tensor b) => a; }", "GAN006,GAN007", true)]
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public static NetworkGraph Graph => null!; }", "GAN007", true)]
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public partial class D { public static string Graph => \"\"; }", "GAN007", false)]
    // two roles: both would write the same file
    [InlineData("[GanGenerator(LatentDim = 2)] [GanDiscriminator(2)] [Dense(1)] public partial class D { }", "GAN007", false)]
    public void No_declaration_half_where_it_would_itself_be_a_compiler_error(string declaration, string ids, bool generated)
    {
        var result = Run(declaration + "\n");

        Assert.Equal(ids.Split(','), result.Errors.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(generated, result.Sources.ContainsKey("T.D.g.cs"));
        if (generated) Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.D.g.cs"]));
    }

    [Theory]
    // typeof(a class that is not a network): naming it in GanModel<G, D> would be CS0311
    [InlineData("public class NotANetwork { }", "typeof(G), typeof(NotANetwork)", "[GanDiscriminator(2)] [Dense(1)] public partial class D { }")]
    // a public pair of an internal network: CS0060
    [InlineData("[GanDiscriminator(2)] [Dropout(1.5), Dense(1)] internal partial class D2 { }", "typeof(G), typeof(D2)", "")]
    // a network without a declaration half (not partial): CS0311
    [InlineData("[GanDiscriminator(2)] [Dense(1)] public class D2 { }", "typeof(G), typeof(D2)", "")]
    public void No_gan_declaration_half_when_naming_its_networks_would_be_a_compiler_error(string other, string arguments, string more)
    {
        var result = Run(Generator + other + "\n" + more + "\n[Gan(" + arguments + ")] public partial class Pair { }\n");

        Assert.Contains(result.Errors, d => d.Id.StartsWith("GAN", StringComparison.Ordinal));
        Assert.True(!result.Errors.Any(d => !d.Id.StartsWith("GAN", StringComparison.Ordinal)), result.Describe());
        Assert.DoesNotContain("T.Pair.g.cs", result.Sources.Keys);
    }

    /// <summary>Emits the compilation with its generated code (it has no compiler errors, only GANxxx ones, which come
    /// from the analyzer) and loads it.</summary>
    private static Assembly Load(string body, GeneratorResult result)
    {
        var compilation = GeneratorHarness.Compilation(result.Sources.Values.Prepend(Header + body).ToArray())
            .WithAssemblyName("DeclarationHalf" + Guid.NewGuid().ToString("N"));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }
}
