using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>Each GANxxx: ID, severity, the line and the exact source text its span covers (the attribute at fault,
/// or the class name for class-level problems), and the exact message. Models put several attributes on one line,
/// so the span text is what tells "the wrong attribute of the right line" apart.
/// Every test asserts the whole set of GAN diagnostics, so an unexpected one fails it.</summary>
public class DiagnosticTests
{
    private const string Header = "using GanDsl;\nnamespace T;\n"; // lines 1-2; the model starts on line 3

    private const string GoodGenerator =
        "[GanGenerator(LatentDim = 10)]\n" +
        "[Dense(784), Tanh, Reshape(1, 28, 28)]\n" +
        "public partial class G { }\n";

    private const string GoodDiscriminator =
        "[GanDiscriminator(1, 28, 28)]\n" +
        "[Flatten, Dense(1)]\n" +
        "public partial class D { }\n";

    private static (string Id, DiagnosticSeverity Severity, int Line, string Span, string Message)[] Gan(GeneratorResult result) =>
        result.Gan
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, SpanText(d), d.GetMessage()))
            .ToArray();

    /// <summary>The source text under the diagnostic: "Reshape(1, 28, 27)", "Gan(typeof(G), typeof(D))", "D".</summary>
    private static string SpanText(Diagnostic d)
    {
        Assert.True(d.Location.IsInSource, $"{d.Id} has no source location: {d.GetMessage()}");
        return d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
    }

    private static GeneratorResult Run(string body)
    {
        var result = GeneratorHarness.Run(Header + body);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "AD0001" or "CS8785");
        return result;
    }

    /// <summary>A model with errors still gets its declaration half (no compiler errors cascade from it), and only that.</summary>
    private static void AssertDeclarationOnly(GeneratorResult result, params string[] hints)
    {
        Assert.Equal(hints.OrderBy(h => h), result.Sources.Keys.Where(k => hints.Contains(k)).OrderBy(h => h));
        foreach (var hint in hints)
            Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources[hint]), $"{hint} should be a declaration half:\n{result.Sources[hint]}");
        Assert.True(!result.Errors.Any(d => !d.Id.StartsWith("GAN", System.StringComparison.Ordinal)), result.Describe());
    }

    [Fact]
    public void GAN001_generator_output_differs_from_discriminator_input()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +              // 3
            "[Dense(3 * 32 * 32), Tanh, Reshape(3, 32, 32)]\n" +
            "public partial class G { }\n" +
            GoodDiscriminator +                                 // 6-8
            "[Gan(typeof(G), typeof(D))]\n" +                  // 9
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN001", DiagnosticSeverity.Error, 9, "Gan(typeof(G), typeof(D))", "G produces (3, 32, 32) but D expects (1, 28, 28)") }, Gan(result));
        Assert.Contains("T.G.g.cs", result.Sources.Keys);
        AssertDeclarationOnly(result, "T.Pair.g.cs");
    }

    [Fact]
    public void GAN001_same_element_count_suggests_the_reshape()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "public partial class G { }\n" +
            GoodDiscriminator +                                 // 6-8
            "[Gan(typeof(G), typeof(D))]\n" +                  // 9
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN001", DiagnosticSeverity.Error, 9, "Gan(typeof(G), typeof(D))", "G produces (784) but D expects (1, 28, 28); end G with [Reshape(1, 28, 28)]") }, Gan(result));
        Assert.Equal("Reshape:1, 28, 28", result.Gan.Single().Properties["GanDslFix"]);
    }

    [Fact]
    public void GAN001_permuted_dimensions_say_shapes_are_channels_first()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh, Reshape(28, 28, 1)]\n" +
            "public partial class G { }\n" +
            GoodDiscriminator +                                 // 6-8
            "[Gan(typeof(G), typeof(D))]\n" +                  // 9
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN001", DiagnosticSeverity.Error, 9, "Gan(typeof(G), typeof(D))", "G produces (28, 28, 1) but D expects (1, 28, 28); GanDsl shapes are channels-first (C, H, W), so end G with [Reshape(1, 28, 28)]") }, Gan(result));
    }

    [Fact]
    public void GAN002_reshape_changes_the_element_count()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh, Reshape(1, 28, 27)]\n" +        // 4
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN002", DiagnosticSeverity.Error, 4, "Reshape(1, 28, 27)", "Reshape(1, 28, 27) needs 756 elements (1, 28, 27) but its input (784) has 784") }, Gan(result));
        AssertDeclarationOnly(result, "T.G.g.cs");
    }

    [Fact]
    public void GAN003_convolution_output_below_one_shows_the_formula()
    {
        var result = Run(
            "[GanDiscriminator(1, 4, 4)]\n" +
            "[Conv2d(8, Kernel = 5)]\n" +                       // 4
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN003", DiagnosticSeverity.Error, 4, "Conv2d(8, Kernel = 5)", "Conv2d(8, Kernel = 5) on input (1, 4, 4): output height = floor((4 + 2*0 - 5) / 1) + 1 = 0, less than 1") }, Gan(result));
    }

    [Fact]
    public void GAN003_impossible_same_transposed_convolution()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(49), Reshape(1, 7, 7)]\n" +
            "[ConvTranspose2d(1, Kernel = 4, Same = true)]\n" + // 5
            "public partial class G { }\n");

        var d = Assert.Single(Gan(result));
        Assert.Equal(("GAN003", DiagnosticSeverity.Error, 5, "ConvTranspose2d(1, Kernel = 4, Same = true)"), (d.Id, d.Severity, d.Line, d.Span));
        Assert.Equal("ConvTranspose2d(1, Kernel = 4, Same = true) on input (1, 7, 7): 'same' needs output = 7 * 1 = 7, but (7 - 1)*1 - 2*p + 4 + op = 7 has no solution with p >= 0 and 0 <= op < stride 1; use an odd Kernel or Stride > 1", d.Message);
    }

    [Fact]
    public void GAN004_dense_after_an_image_suggests_flatten()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Dense(1)]\n" +                                    // 4
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN004", DiagnosticSeverity.Error, 4, "Dense(1)", "Dense(1) needs a flat (N) input but receives (1, 28, 28); add [Flatten] before it") }, Gan(result));
    }

    [Fact]
    public void GAN004_conv_on_a_flat_vector_suggests_reshape()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784)]\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1)]\n" +          // 5
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN004", DiagnosticSeverity.Error, 5, "Conv2d(1, Kernel = 3, Padding = 1)", "Conv2d(1, Kernel = 3, Padding = 1) needs an image (C, H, W) input but receives (784); add [Reshape(1, 28, 28)] before it") }, Gan(result));
    }

    [Fact]
    public void GAN004_conv_on_the_latent_vector_suggests_the_dcgan_layout()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 100)]\n" +
            "[ConvTranspose2d(64, Kernel = 4), BatchNorm, ReLU]\n" + // 4
            "[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]\n" +
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN004", DiagnosticSeverity.Error, 4, "ConvTranspose2d(64, Kernel = 4)", "ConvTranspose2d(64, Kernel = 4) needs an image (C, H, W) input but receives the latent vector (100); add [Reshape(100, 1, 1)] before it (the DCGAN layout: 100 channels of 1 x 1)") }, Gan(result));
        Assert.Equal("Reshape:100, 1, 1", result.Gan.Single().Properties["GanDslFix"]);
    }

    [Fact]
    public void GAN005_discriminator_with_many_outputs_is_an_error()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Flatten]\n" +
            "[Dense(10)]\n" +                                   // 5
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN005", DiagnosticSeverity.Error, 5, "Dense(10)", "D must output one logit per sample, (1) or (1, 1, 1), but its last layer gives (10); end with [Flatten] and [Dense(1)]") }, Gan(result));
        AssertDeclarationOnly(result, "T.D.g.cs");
    }

    [Fact]
    public void GAN010_patch_map_discriminator_is_a_warning_and_still_generates()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)]\n" +
            "[Conv2d(1, Kernel = 3, Padding = 1)]\n" +          // 5
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN010", DiagnosticSeverity.Warning, 5, "Conv2d(1, Kernel = 3, Padding = 1)", "D outputs a patch map (1, 14, 14), not one logit per sample (1); the loss averages over the 196 patches") }, Gan(result));
        Assert.Contains("T.D.g.cs", result.Sources.Keys);
        Assert.False(GeneratorHarness.IsDeclarationOnly(result.Sources["T.D.g.cs"]));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void One_logit_as_a_1x1_map_is_accepted_like_the_pytorch_dcgan_discriminator()
    {
        // PyTorch's DCGAN discriminator ends in Conv2d(ndf * 8, 1, 4, 1, 0) on a 4 x 4 map: (1, 1, 1) per sample.
        var result = Run(
            "[GanDiscriminator(3, 64, 64)]\n" +
            "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1, Bias = false), LeakyReLU(0.2)]\n" +
            "[Conv2d(16, Kernel = 4, Stride = 2, Padding = 1, Bias = false), BatchNorm, LeakyReLU(0.2)]\n" +
            "[Conv2d(32, Kernel = 4, Stride = 2, Padding = 1, Bias = false), BatchNorm, LeakyReLU(0.2)]\n" +
            "[Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), BatchNorm, LeakyReLU(0.2)]\n" +
            "[Conv2d(1, Kernel = 4, Bias = false)]\n" +
            "public partial class D { }\n");

        Assert.Empty(Gan(result));
        Assert.Contains("T.D.g.cs", result.Sources.Keys);
        Assert.Contains("OutputShape { get; } = new(1, 1, 1);", result.Sources["T.D.g.cs"]);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("[Dropout(1.5)]", "Dropout(1.5)", "Dropout(1.5): p must be in [0, 1), got 1.5")]
    [InlineData("[Conv2d(4, Kernel = 3, Same = true, Padding = 1)]", "Conv2d(4, Kernel = 3, Same = true, Padding = 1)", "Conv2d(4, Kernel = 3, Padding = 1, Same = true): Same = true and Padding both set the padding; keep one")]
    [InlineData("[Conv2d(4)]", "Conv2d(4)", "Conv2d(4, Kernel = 0): Kernel must be set (Kernel = k, k >= 1)")]
    [InlineData("[Dense(-3)]", "Dense(-3)", "Dense(-3): units must be at least 1, got -3")]
    [InlineData("[Flatten, Dense(-3), ReLU]", "Dense(-3)", "Dense(-3): units must be at least 1, got -3")]
    [InlineData("[ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPadding = 2)]", "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPadding = 2)", "ConvTranspose2d(4, Kernel = 3, Stride = 2, OutputPadding = 2): OutputPadding must be smaller than Stride, got OutputPadding = 2 with Stride = 2")]
    public void GAN006_invalid_arguments(string layer, string span, string message)
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            layer + "\n" +                                      // 4
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN006", DiagnosticSeverity.Error, 4, span, message) }, Gan(result));
    }

    [Fact]
    public void GAN006_invalid_model_attribute_argument()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 0)]\n" +                 // 3
            "[Dense(784)]\n" +
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN006", DiagnosticSeverity.Error, 3, "GanGenerator(LatentDim = 0)", "G: LatentDim must be at least 1, got 0") }, Gan(result));
    }

    [Theory]
    [InlineData("public class D { }", "[GanDiscriminator] D must be declared partial so GanDsl can generate its other half")]
    [InlineData("public partial class D<T> { }", "[GanDiscriminator] D must not be generic")]
    [InlineData("public partial record D { }", "[GanDiscriminator] D must be a plain class, not a record (it derives from a TorchSharp module)")]
    [InlineData("public partial struct D { }", "[GanDiscriminator] D must be a class, not a struct")]
    [InlineData("public partial interface D { }", "[GanDiscriminator] D must be a class, not an interface")]
    public void GAN007_class_shape_is_reported_on_the_class_name(string declaration, string message)
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Flatten, Dense(1)]\n" +
            declaration + "\n");                                // 5

        Assert.Equal(new[] { ("GAN007", DiagnosticSeverity.Error, 5, "D", message) }, Gan(result));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void GAN007_nested_class()
    {
        var result = Run(
            "public partial class Outer {\n" +                  // 3
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Flatten, Dense(1)]\n" +
            "public partial class D { } }\n");                  // 6

        Assert.Equal(new[] { ("GAN007", DiagnosticSeverity.Error, 6, "D", "[GanDiscriminator] D must not be nested in Outer; declare it at namespace level") }, Gan(result));
    }

    [Fact]
    public void GAN007_no_layers()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +                // 3
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN007", DiagnosticSeverity.Error, 3, "GanGenerator(LatentDim = 10)", "G declares no layers; add layer attributes such as [Dense(256)] in order") }, Gan(result));
    }

    [Fact]
    public void GAN007_gan_type_argument_is_not_a_network()
    {
        var result = Run(
            GoodGenerator +                                     // 3-5
            "public class NotANetwork { }\n" +                  // 6
            "[Gan(typeof(G), typeof(NotANetwork))]\n" +         // 7
            "public partial class Pair { }\n");

        Assert.Equal(new[] { ("GAN007", DiagnosticSeverity.Error, 7, "Gan(typeof(G), typeof(NotANetwork))", "[Gan] expects a [GanDiscriminator] class as its second type argument, but NotANetwork has neither [GanGenerator] nor [GanDiscriminator]") }, Gan(result));
    }

    [Fact]
    public void GAN007_gan_arguments_swapped()
    {
        var result = Run(
            GoodGenerator + GoodDiscriminator +                 // 3-8
            "[Gan(typeof(D), typeof(G))]\n" +                   // 9
            "public partial class Pair { }\n");

        Assert.Equal(new[]
        {
            ("GAN007", DiagnosticSeverity.Error, 9, "Gan(typeof(D), typeof(G))", "[Gan] expects a [GanGenerator] class as its first type argument, but D is a [GanDiscriminator]"),
            ("GAN007", DiagnosticSeverity.Error, 9, "Gan(typeof(D), typeof(G))", "[Gan] expects a [GanDiscriminator] class as its second type argument, but G is a [GanGenerator]"),
        }, Gan(result));
    }

    [Fact]
    public void GAN007_two_role_attributes_are_reported_once()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 4)]\n" +
            "[GanDiscriminator(1, 2, 2)]\n" +
            "[Flatten, Dense(1)]\n" +
            "public class X { }\n");                            // 6

        Assert.Equal(new[]
        {
            ("GAN007", DiagnosticSeverity.Error, 6, "X", "X cannot be both a [GanGenerator] and a [GanDiscriminator]"),
            ("GAN007", DiagnosticSeverity.Error, 6, "X", "[GanGenerator] X must be declared partial so GanDsl can generate its other half"),
        }, Gan(result).OrderBy(d => d.Message, System.StringComparer.Ordinal));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void GAN007_a_network_that_is_also_a_gan_is_reported_once()
    {
        var result = Run(
            GoodGenerator + GoodDiscriminator +                 // 3-8
            "[Gan(typeof(G), typeof(D))]\n" +                   // 9
            "[GanGenerator(LatentDim = 4)]\n" +
            "[Dense(784), Tanh, Reshape(1, 28, 28)]\n" +
            "public partial class X { }\n");                   // 12

        Assert.Equal(new[] { ("GAN007", DiagnosticSeverity.Error, 12, "X", "X cannot be both a [Gan] pairing and one of its networks; declare the networks as separate classes") }, Gan(result));
        Assert.Equal(new[] { "T.D.g.cs", "T.G.g.cs" }, result.Sources.Keys.OrderBy(k => k));
    }

    [Fact]
    public void GAN008_sigmoid_at_the_end_of_the_discriminator_is_a_warning()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Flatten, Dense(1)]\n" +
            "[Sigmoid]\n" +                                      // 5
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN008", DiagnosticSeverity.Warning, 5, "Sigmoid", "D ends in Sigmoid but GanDsl losses take logits and apply the sigmoid themselves; remove [Sigmoid] so D(x) is not squashed twice") }, Gan(result));
        Assert.Contains("T.D.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void GAN008_can_be_silenced_with_pragma_because_the_analyzer_reports_it()
    {
        var result = Run(
            "#pragma warning disable GAN008\n" +
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Flatten, Dense(1), Sigmoid]\n" +
            "public partial class D { }\n");

        // Pragma-suppressed diagnostics are not returned at all; without the pragma the test above sees GAN008.
        Assert.Empty(result.Gan);
        Assert.Contains("T.D.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void GAN009_sizes_that_overflow_are_a_diagnostic_not_a_wrong_answer()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Upsample(1 << 30)]\n" +                           // 4
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 4, "Upsample(1 << 30)", "Upsample(1073741824) on input (1, 28, 28): output (1, 30064771072, 30064771072) has more than 2147483647 elements per sample") }, Gan(result));
    }

    // GAN009 from each place a size can grow: the model's input, Reshape, ZeroPad2d, ConvTranspose2d and the
    // parameter total. Each must be one exact diagnostic on the attribute at fault, never a crash (Run rejects
    // AD0001/CS8785) and never a size that wrapped around.

    [Fact]
    public void GAN009_discriminator_input_with_too_many_elements()
    {
        var result = Run(
            "[GanDiscriminator(100000, 100000, 100000)]\n" +     // 3
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 3, "GanDiscriminator(100000, 100000, 100000)", "D: input (100000, 100000, 100000) has more than 2147483647 elements per sample") }, Gan(result));
        AssertDeclarationOnly(result, "T.D.g.cs");
    }

    [Fact]
    public void GAN009_reshape_whose_dims_multiply_past_long()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Reshape(int.MaxValue, int.MaxValue, int.MaxValue)]\n" + // 4
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 4, "Reshape(int.MaxValue, int.MaxValue, int.MaxValue)", "Reshape(2147483647, 2147483647, 2147483647) on input (784): the size arithmetic overflows 64-bit integers") }, Gan(result));
        AssertDeclarationOnly(result, "T.G.g.cs");
    }

    [Fact]
    public void GAN009_zero_padding_with_huge_pads()
    {
        var result = Run(
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[ZeroPad2d(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue), Flatten, Dense(1)]\n" + // 4
            "public partial class D { }\n");

        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 4, "ZeroPad2d(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)", "ZeroPad2d(2147483647, 2147483647, 2147483647, 2147483647) on input (1, 28, 28): output (1, 4294967322, 4294967322) has more than 2147483647 elements per sample") }, Gan(result));
        AssertDeclarationOnly(result, "T.D.g.cs");
    }

    [Fact]
    public void GAN009_transposed_convolution_with_huge_stride_and_kernel()
    {
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(49), Reshape(1, 7, 7), ConvTranspose2d(1, Kernel = int.MaxValue, Stride = int.MaxValue), Tanh]\n" + // 4
            "public partial class G { }\n");

        // (7 - 1) * 2147483647 - 2*0 + 2147483647 + 0 = 15032385529 per side
        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 4, "ConvTranspose2d(1, Kernel = int.MaxValue, Stride = int.MaxValue)", "ConvTranspose2d(1, Kernel = 2147483647, Stride = 2147483647) on input (1, 7, 7): output (1, 15032385529, 15032385529) has more than 2147483647 elements per sample") }, Gan(result));
        AssertDeclarationOnly(result, "T.G.g.cs");
    }

    [Fact]
    public void GAN009_dense_parameter_total_past_long()
    {
        // One Dense(int.MaxValue) after a (int.MaxValue) input has about 4.6e18 parameters, which fits in a long;
        // a chain of them does not, so the total is checked and reported on the model attribute.
        var result = Run(
            "[GanGenerator(LatentDim = 10)]\n" +                                 // 3
            "[Dense(int.MaxValue), Dense(int.MaxValue), Dense(int.MaxValue)]\n" +
            "public partial class G { }\n");

        Assert.Equal(new[] { ("GAN009", DiagnosticSeverity.Error, 3, "GanGenerator(LatentDim = 10)", "G: the total number of parameters exceeds 9223372036854775807") }, Gan(result));
        AssertDeclarationOnly(result, "T.G.g.cs");
    }

    [Fact]
    public void Valid_pair_generates_and_compiles_without_any_diagnostic()
    {
        var result = Run(GoodGenerator + GoodDiscriminator + "[Gan(typeof(G), typeof(D))]\npublic partial class Pair { }\n");

        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(new[] { "T.D.g.cs", "T.G.g.cs", "T.Pair.g.cs" }, result.Sources.Keys.OrderBy(k => k));
    }
}
