using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>The graph diagnostics (GAN011-GAN020, and GAN003/GAN006 for the new layers): ID, severity, line, the exact
/// source text the span covers, and the exact message, as for the linear ones in <see cref="DiagnosticTests"/>. A
/// problem inside a block also names its additional location: the block's attribute at fault.</summary>
public class GraphDiagnosticTests
{
    private const string Header = "using GanDsl;\nnamespace T;\n"; // lines 1-2; the model starts on line 3

    private static (string Id, DiagnosticSeverity Severity, int Line, string Span, string Message)[] Gan(GeneratorResult result) =>
        result.Gan
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, Text(d.Location), d.GetMessage()))
            .ToArray();

    private static string Text(Location location)
    {
        Assert.True(location.IsInSource, "no source location");
        return location.SourceTree!.GetText().ToString(location.SourceSpan);
    }

    /// <summary>The source text of each additional location ("Add(\"input\")" for a block's attribute).</summary>
    private static string[] Additional(Diagnostic d) => d.AdditionalLocations.Select(Text).ToArray();

    private static GeneratorResult Run(string body)
    {
        var result = GeneratorHarness.Run(Header + body);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "AD0001" or "CS8785");
        // Whatever GanDsl reports, the generated halves add no compiler error.
        Assert.True(!result.Errors.Any(d => !d.Id.StartsWith("GAN", System.StringComparison.Ordinal)), result.Describe());
        return result;
    }

    private static bool DeclarationOnly(GeneratorResult result, string hint) => GeneratorHarness.IsDeclarationOnly(result.Sources[hint]);

    private const string Encoder =
        "[GanGenerator(1, 28, 28)]\n" +                                                       // 3
        "[Conv2d(16, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2), Tap(\"e1\")]\n";   // 4: (16, 14, 14)

    [Fact]
    public void GAN011_concat_of_images_whose_height_and_width_differ()
    {
        var result = Run(Encoder +
            "[Conv2d(32, Kernel = 4, Stride = 2, Padding = 1), Concat(\"e1\")]\n" +            // 5
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN011", DiagnosticSeverity.Error, 5, "Concat(\"e1\")",
            "Concat(\"e1\") joins (32, 7, 7) with \"e1\" (16, 14, 14): height x width differ, 7 x 7 vs 14 x 14; images are concatenated on the channel axis, so both need the same height and width") }, Gan(result));
        Assert.True(DeclarationOnly(result, "T.G.g.cs"));
    }

    [Fact]
    public void GAN011_concat_of_a_flat_vector_and_an_image()
    {
        var result = Run(Encoder +
            "[Flatten, Dense(8), Concat(\"e1\")]\n" +                                           // 5
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN011", DiagnosticSeverity.Error, 5, "Concat(\"e1\")",
            "Concat(\"e1\") joins (8) with \"e1\" (16, 14, 14): a flat vector and an image cannot be concatenated; [Flatten] or [Reshape] one of them first") }, Gan(result));
    }

    [Fact]
    public void GAN012_add_of_different_shapes()
    {
        var result = Run(Encoder +
            "[Conv2d(8, Kernel = 3, Padding = 1), Add(\"e1\")]\n" +                             // 5
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN012", DiagnosticSeverity.Error, 5, "Add(\"e1\")",
            "Add(\"e1\") adds \"e1\" (16, 14, 14) to (8, 14, 14); the shapes must be equal") }, Gan(result));
    }

    [Fact]
    public void GAN013_name_read_before_its_tap_unknown_and_tapped_twice()
    {
        var result = Run(
            "[GanDiscriminator(4)]\n" +                                                        // 3
            "[Concat(\"late\"), Tap(\"late\")]\n" +                                            // 4
            "[Dense(4), Tap(\"late\")]\n" +                                                    // 5
            "[Add(\"nowhere\")]\n" +                                                           // 6
            "[Tap(\"input\"), Dense(1)]\n" +                                                   // 7
            "public partial class D { }\n");

        Assert.Equal(new[]
        {
            ("GAN013", DiagnosticSeverity.Error, 4, "Concat(\"late\")", "Concat(\"late\") reads \"late\" before [Tap(\"late\")] names it; a value can be read only after its Tap, so move the Tap up or the Concat down"),
            ("GAN013", DiagnosticSeverity.Error, 5, "Tap(\"late\")", "Tap(\"late\"): \"late\" already names the output of Concat(\"late\"); give this value another name"),
            ("GAN013", DiagnosticSeverity.Error, 6, "Add(\"nowhere\")", "Add(\"nowhere\") reads \"nowhere\", which nothing in D names; add [Tap(\"nowhere\")] after the layer whose output it is (names so far: \"input\", \"late\")"),
            ("GAN013", DiagnosticSeverity.Error, 7, "Tap(\"input\")", "Tap(\"input\"): \"input\" always names D's input; choose another name"),
        }, Gan(result));
    }

    [Fact]
    public void GAN014_tap_that_nothing_reads_is_a_warning_and_still_generates()
    {
        var result = Run(
            "[GanDiscriminator(1, 8, 8)]\n" +
            "[Conv2d(4, Kernel = 3, Padding = 1), Tap(\"unused\")]\n" +                         // 4
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN014", DiagnosticSeverity.Warning, 4, "Tap(\"unused\")",
            "Tap(\"unused\") names a value that nothing in D reads; use it with [Concat(\"unused\")] or [Add(\"unused\")], or remove it") }, Gan(result));
        Assert.False(DeclarationOnly(result, "T.D.g.cs"));
    }

    [Fact]
    public void GAN015_label_layer_without_classes_and_in_a_block()
    {
        var result = Run(
            "[GanDiscriminator(8)]\n" +                                                        // 3
            "[ConcatLabel(2), Dense(1)]\n" +                                                   // 4
            "public partial class D { }\n" +
            "[GanBlock]\n" +                                                                   // 6
            "[Dense(4), ConcatLabel(2)]\n" +                                                   // 7
            "public partial class B { }\n");

        Assert.Equal(new[]
        {
            ("GAN015", DiagnosticSeverity.Error, 4, "ConcatLabel(2)", "ConcatLabel(2) needs class labels, but D declares no Classes; set Classes on [GanDiscriminator] (e.g. Classes = 10)"),
            ("GAN015", DiagnosticSeverity.Error, 7, "ConcatLabel(2)", "ConcatLabel(2) is in block B, which has no labels (a block has one input); put label layers in the network that uses the block"),
        }, Gan(result));
    }

    [Fact]
    public void Conditional_batch_norm_reads_the_labels_and_is_checked_like_batch_norm()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 8, Classes = 4)]\n" +                                  // 3
            "[Dense(2 * 4 * 4), Reshape(2, 4, 4), ConditionalBatchNorm, ReLU]\n" +              // 4
            "[Flatten, ConditionalBatchNorm(Momentum = 0.2), Tanh]\n" +                          // 5
            "public partial class G { }\n" +
            "[GanDiscriminator(8)]\n" +                                                        // 7
            "[Dense(4), ConditionalBatchNorm, Dense(1)]\n" +                                  // 8
            "public partial class D { }\n" +
            "[GanGenerator(LatentDim = 8, Classes = 4)]\n" +                                  // 10
            "[ConditionalBatchNorm(Momentum = 2), Dense(4)]\n" +                               // 11
            "public partial class H { }\n");

        Assert.Equal(new[]
        {
            ("GAN015", DiagnosticSeverity.Error, 8, "ConditionalBatchNorm",
                "ConditionalBatchNorm(Momentum = 0.1, Eps = 1E-05) needs class labels, but D declares no Classes; set Classes on [GanDiscriminator] (e.g. Classes = 10)"),
            ("GAN006", DiagnosticSeverity.Error, 11, "ConditionalBatchNorm(Momentum = 2)", "Momentum must be in [0, 1], got 2"),
        }, Gan(result).Select(d => (d.Item1, d.Item2, d.Item3, d.Item4, d.Item1 == "GAN006" ? d.Item5[(d.Item5.IndexOf(": ") + 2)..] : d.Item5)));
        var g = result.Sources["T.G.g.cs"];
        Assert.Contains("new global::GanDsl.Layers.ConditionalBatchNorm(classes: 4, features: 2, image: true, eps: 1E-05, momentum: 0.1)", g);
        Assert.Contains("new global::GanDsl.Layers.ConditionalBatchNorm(classes: 4, features: 32, image: false, eps: 1E-05, momentum: 0.2)", g);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(g, @"= conditionalBatchNorm\d+\.call\(x\d+, labels\);").Count);
    }

    [Fact]
    public void GAN016_classes_without_a_label_layer_is_a_warning_on_the_role_attribute()
    {
        var result = Run(
            "[GanDiscriminator(8, Classes = 10)]\n" +                                          // 3
            "[Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN016", DiagnosticSeverity.Warning, 3, "GanDiscriminator(8, Classes = 10)",
            "D declares Classes = 10 but no layer reads the labels, so they would be ignored; add [ConcatLabel(dim)] or end with [ProjectLabel], or remove Classes") }, Gan(result));
        Assert.Contains("IConditionalGanDiscriminator", result.Sources["T.D.g.cs"]);
    }

    [Fact]
    public void GAN017_projection_not_last_not_flat_or_in_a_generator()
    {
        var result = Run(
            "[GanDiscriminator(1, 8, 8, Classes = 3)]\n" +                                     // 3
            "[Conv2d(4, Kernel = 3), ProjectLabel]\n" +                                        // 4
            "public partial class D { }\n" +
            "[GanDiscriminator(8, Classes = 3)]\n" +                                           // 6
            "[ProjectLabel, Dense(1)]\n" +                                                     // 7
            "public partial class D2 { }\n" +
            "[GanGenerator(LatentDim = 8, Classes = 3)]\n" +                                   // 9
            "[Dense(4), ProjectLabel]\n" +                                                     // 10
            "public partial class G { }\n");

        Assert.Equal(new[]
        {
            ("GAN017", DiagnosticSeverity.Error, 4, "ProjectLabel", "ProjectLabel projects a flat feature vector (F), but receives (4, 6, 6); add [Flatten] or [GlobalSumPool] before it"),
            ("GAN017", DiagnosticSeverity.Error, 7, "ProjectLabel", "ProjectLabel gives the discriminator's logit, so it must be its last layer, but 1 attribute(s) follow it"),
            ("GAN017", DiagnosticSeverity.Error, 10, "ProjectLabel", "ProjectLabel is a discriminator's output layer, but G is a generator; condition a generator with [ConcatLabel(dim)] or [ConditionalBatchNorm]"),
        }, Gan(result));
    }

    private const string ConditionalGenerator =
        "[GanGenerator(LatentDim = 8, Classes = 10)]\n" +                                      // 3
        "[ConcatLabel(4), Dense(16), Reshape(1, 4, 4)]\n" +
        "public partial class G { }\n";

    [Theory]
    [InlineData("[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)]", "G is conditional (Classes = 10) but D is not; declare the same Classes on both networks, or on neither")]
    [InlineData("[GanDiscriminator(1, 4, 4, Classes = 5)] [Flatten, ProjectLabel]", "G is conditional on 10 classes but D on 5; both networks of a [Gan] must declare the same Classes")]
    public void GAN018_gan_networks_disagree_on_classes(string discriminator, string message)
    {
        var result = Run(ConditionalGenerator +
            discriminator + "\npublic partial class D { }\n" +                                 // 6-7
            "[Gan(typeof(G), typeof(D))]\n" +                                                  // 8
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN018", DiagnosticSeverity.Error, 8, "Gan(typeof(G), typeof(D))", message) }, Gan(result));
        Assert.True(DeclarationOnly(result, "T.Pair.g.cs"));
    }

    [Fact]
    public void A_conditional_pair_is_a_trainable_gan_with_its_classes_in_the_declaration()
    {
        var result = Run(ConditionalGenerator +
            "[GanDiscriminator(1, 4, 4, Classes = 10)] [Flatten, ProjectLabel]\npublic partial class D { }\n" +
            "[Gan(typeof(G), typeof(D), Loss = GanLoss.Hinge)]\n" +                           // 8
            "public partial class Pair { }\n" +
            "public static class Use { public static Pair Make() => new Pair(); public const int Latent = Pair.LatentDim; }\n");

        // No diagnostic (GAN021 said conditional training was missing until the training objectives brought it); the
        // pairing gets its full half: GanModel over the conditional networks, Classes carried into its definition.
        Assert.Empty(Gan(result));
        Assert.False(DeclarationOnly(result, "T.Pair.g.cs"));
        var pair = result.Sources["T.Pair.g.cs"];
        Assert.Contains("partial class Pair : global::GanDsl.GanModel<global::T.G, global::T.D>", pair);
        Assert.Contains("Classes = global::T.G.Classes,", pair);
    }

    [Fact]
    public void GAN019_block_cycle_on_the_block_and_at_the_networks_use()
    {
        var result = Run(
            "[GanBlock]\n" +                                                                   // 3
            "[ReLU, Block(typeof(B))]\n" +                                                     // 4
            "public partial class A { }\n" +
            "[GanBlock]\n" +                                                                   // 6
            "[Block(typeof(A))]\n" +                                                           // 7
            "public partial class B { }\n" +
            "[GanDiscriminator(4)]\n" +                                                        // 9
            "[Block(typeof(A)), Dense(1)]\n" +                                                 // 10
            "public partial class D { }\n");

        Assert.Equal(new[]
        {
            ("GAN019", DiagnosticSeverity.Error, 4, "Block(typeof(B))", "Block(typeof(B)) makes A contain itself (A -> B -> A); a block cannot use itself, directly or through other blocks"),
            ("GAN019", DiagnosticSeverity.Error, 7, "Block(typeof(A))", "Block(typeof(A)) makes B contain itself (B -> A -> B); a block cannot use itself, directly or through other blocks"),
            ("GAN019", DiagnosticSeverity.Error, 10, "Block(typeof(A))", "Block(typeof(A)): A has errors, so D cannot use it: Block(typeof(B)) makes A contain itself (A -> B -> A); a block cannot use itself, directly or through other blocks"),
        }, Gan(result));
        var atUse = result.Gan.Single(d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == 10);
        Assert.Equal(new[] { "Block(typeof(B))" }, Additional(atUse));
        Assert.True(DeclarationOnly(result, "T.D.g.cs"));
    }

    [Fact]
    public void A_shape_error_inside_a_block_is_reported_at_the_use_with_the_blocks_attribute()
    {
        var result = Run(
            "[GanBlock]\n" +                                                                   // 3
            "[Conv2d(8, Kernel = 3, Padding = 1), Add(\"input\")]\n" +                         // 4
            "public partial class Res { }\n" +
            "[GanDiscriminator(4, 8, 8)]\n" +                                                  // 6
            "[Block(typeof(Res), Repeat = 2)]\n" +                                             // 7
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        var d = Assert.Single(result.Gan);
        Assert.Equal(("GAN012", DiagnosticSeverity.Error, 7, "Block(typeof(Res), Repeat = 2)",
            "Res on input (4, 8, 8): Add(\"input\") adds \"input\" (4, 8, 8) to (8, 8, 8); the shapes must be equal"),
            (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, Text(d.Location), d.GetMessage()));
        Assert.Equal(new[] { "Add(\"input\")" }, Additional(d));
        Assert.False(d.Properties.ContainsKey("GanDslFix")); // a fix would edit the network, not the block
    }

    [Theory]
    [InlineData("[Block(typeof(Res), Repeat = 0)]", "Block(typeof(Res), Repeat = 0)", "Block(typeof(Res), Repeat = 0): Repeat must be at least 1, got 0")]
    [InlineData("[Block(typeof(NotABlock))]", "Block(typeof(NotABlock))", "Block(typeof(NotABlock)): NotABlock is not a [GanBlock] class; mark it [GanBlock] or use a block class")]
    [InlineData("[Tap(\"two words\")]", "Tap(\"two words\")", "Tap(\"two words\"): a name is at most 64 letters, digits, '_', '-' or '.'")]
    public void GAN006_graph_arguments(string layer, string span, string message)
    {
        var result = Run(
            "[GanBlock] [ReLU] public partial class Res { }\n" +                               // 3
            "public class NotABlock { }\n" +                                                   // 4
            "[GanDiscriminator(4)]\n" +                                                        // 5
            layer + "\n" +                                                                     // 6
            "[Dense(1)]\npublic partial class D { }\n");

        Assert.Equal(new[] { ("GAN006", DiagnosticSeverity.Error, 6, span, message) }, Gan(result));
    }

    [Fact]
    public void GAN006_latent_dim_on_an_image_conditioned_generator()
    {
        var result = Run(
            "[GanGenerator(1, 8, 8, LatentDim = 10)]\n" +                                      // 3
            "[Conv2d(1, Kernel = 3, Padding = 1)]\n" +
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN006", DiagnosticSeverity.Error, 3, "GanGenerator(1, 8, 8, LatentDim = 10)",
            "G: a generator declared with an input shape (1, 8, 8) takes an image, not noise, so LatentDim does not apply; remove LatentDim, or the input shape for a noise generator") }, Gan(result));
    }

    [Theory]
    [InlineData("[Conv2d(6, Kernel = 3, Padding = 1), PixelShuffle(2)]", "PixelShuffle(2)", "PixelShuffle(2) on input (6, 8, 8): the 6 channels are not divisible by 2^2 = 4; give the layer before it a multiple of 4 channels")]
    [InlineData("[ReflectionPad2d(8)]", "ReflectionPad2d(8)", "ReflectionPad2d(8) on input (1, 8, 8): reflection padding must be smaller than the height 8, got 8")]
    [InlineData("[AvgPool2d(9)]", "AvgPool2d(9)", "AvgPool2d(9) on input (1, 8, 8): output height = floor(8 / 9) = 0, less than 1")]
    public void GAN003_new_layers_with_impossible_sizes(string layer, string span, string message)
    {
        var result = Run(
            "[GanDiscriminator(1, 8, 8)]\n" +
            layer + "\n" +                                                                     // 4
            "[Flatten, Dense(1)]\npublic partial class D { }\n");

        Assert.Equal(new[] { ("GAN003", DiagnosticSeverity.Error, 4, span, message) }, Gan(result));
    }

    [Fact]
    public void GAN020_image_to_image_generator_in_a_gan()
    {
        var result = Run(
            "[GanGenerator(1, 4, 4)]\n" +                                                      // 3
            "[Conv2d(1, Kernel = 3, Padding = 1), Tanh]\n" +
            "public partial class G { }\n" +
            "[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)]\npublic partial class D { }\n" +
            "[Gan(typeof(G), typeof(D))]\n" +                                                  // 8
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN020", DiagnosticSeverity.Error, 8, "Gan(typeof(G), typeof(D))",
            "G takes an image (1, 4, 4), not noise: [Gan] trains noise-to-image generators, and an image-to-image generator needs an image-to-image objective (paired or cycle-consistent images); use G as a module until such an objective is declared") }, Gan(result));
        Assert.Contains("IImageToImageGenerator", result.Sources["T.G.g.cs"]);
        Assert.DoesNotContain("LatentDim", result.Sources["T.G.g.cs"]);
        Assert.True(DeclarationOnly(result, "T.Pair.g.cs"));
    }

    [Fact]
    public void A_conditional_network_with_errors_gets_a_conditional_declaration_half()
    {
        var result = Run(
            "[GanDiscriminator(8, Classes = 10)]\n" +
            "[ConcatLabel(2), Dense(4), Dropout(2.0), ProjectLabel]\n" +
            "public partial class D { }\n" +
            "public static class Use { public static TorchSharp.torch.Tensor Run(D d, TorchSharp.torch.Tensor x, TorchSharp.torch.Tensor y) => d.call(x, y); public const int N = 0; public static int Classes => D.Classes; }\n");

        Assert.Equal(new[] { "GAN006" }, result.Gan.Select(d => d.Id));
        Assert.True(DeclarationOnly(result, "T.D.g.cs"));
        Assert.Contains("forward(global::TorchSharp.torch.Tensor input, global::TorchSharp.torch.Tensor labels)", result.Sources["T.D.g.cs"]);
    }
}
