using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>What a loss asks of its discriminator: a critic loss reads an unbounded score, so a final Sigmoid is an
/// error (GAN022); a gradient penalty is per sample, so BatchNorm in the critic is a warning (GAN023). Both on the
/// [Gan] attribute, with the exact message.</summary>
public class CriticDiagnosticTests
{
    private const string Header = "using GanDsl;\nnamespace T;\n";

    private const string Generator = "[GanGenerator(LatentDim = 4)]\n[Dense(8), ReLU, Dense(2)]\npublic partial class G { }\n"; // lines 3-5

    private static (string Id, DiagnosticSeverity Severity, int Line, string Message)[] Gan(string body)
    {
        var result = GeneratorHarness.Run(Header + body);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.True(!result.Errors.Any(d => !d.Id.StartsWith("GAN", System.StringComparison.Ordinal)), result.Describe());
        return result.Gan
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage()))
            .ToArray();
    }

    private static string Pair(string discriminator, string options) =>
        Generator +
        "[GanDiscriminator(2)]\n" + discriminator + "\npublic partial class D { }\n" +           // 6-8
        $"[Gan(typeof(G), typeof(D){options})]\npublic partial class P {{ }}\n";                // 9

    [Theory]
    [InlineData("Wasserstein")]
    [InlineData("WassersteinGP")]
    [InlineData("Hinge")]
    public void GAN022_a_critic_loss_with_a_discriminator_ending_in_Sigmoid_is_an_error_on_the_Gan(string loss)
    {
        var found = Gan(Pair("[Dense(8), LeakyReLU(0.2), Dense(1), Sigmoid]", $", Loss = GanLoss.{loss}"));

        Assert.Equal(new[]
        {
            ("GAN008", DiagnosticSeverity.Warning, 7, "D ends in Sigmoid but GanDsl losses take logits and apply the sigmoid themselves; remove [Sigmoid] so D(x) is not squashed twice"),
            ("GAN022", DiagnosticSeverity.Error, 9, $"Loss = GanLoss.{loss} reads D's output as an unbounded critic score, but D ends in Sigmoid, which squashes it into (0, 1); remove [Sigmoid] from D"),
        }, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData(", Loss = GanLoss.Minimax")]
    [InlineData(", Loss = GanLoss.LeastSquares")]
    public void The_losses_on_logits_keep_only_the_general_Sigmoid_warning(string options)
    {
        var found = Gan(Pair("[Dense(8), LeakyReLU(0.2), Dense(1), Sigmoid]", options));

        Assert.Equal(new[] { "GAN008" }, found.Select(d => d.Id));
    }

    [Fact]
    public void GAN022_comes_with_the_pairs_shape_check()
    {
        // The critic check does not hide GAN001 (nor the reverse): a D on (3) paired with a G of (2).
        var found = Gan(Generator +
            "[GanDiscriminator(3)]\n[Dense(1), Sigmoid]\npublic partial class D { }\n" +
            "[Gan(typeof(G), typeof(D), Loss = GanLoss.Hinge)]\npublic partial class P { }\n");

        Assert.Equal(new[] { "GAN008", "GAN001", "GAN022" }, found.Select(d => d.Id));
    }

    [Fact]
    public void GAN023_BatchNorm_in_a_WassersteinGP_critic_is_a_warning_naming_the_layer()
    {
        var found = Gan(Pair("[Dense(8), BatchNorm, LeakyReLU(0.2), Dense(1)]", ", Loss = GanLoss.WassersteinGP"));

        Assert.Equal(new[]
        {
            ("GAN023", DiagnosticSeverity.Warning, 9, "D has [BatchNorm] (layer attribute 2), but WassersteinGP's gradient penalty is taken per sample and BatchNorm mixes the samples of a batch; use [LayerNorm] or no normalisation in the critic"),
        }, found);
    }

    [Fact]
    public void GAN023_applies_to_a_gradient_penalty_on_any_loss_and_to_BatchNorm_inside_a_block()
    {
        var found = Gan(
            "[GanBlock]\n[Dense(8), BatchNorm, LeakyReLU(0.2)]\npublic partial class Hidden { }\n" + // 3-5
            "[GanGenerator(LatentDim = 4)]\n[Dense(8), ReLU, Dense(2)]\npublic partial class G { }\n" +
            "[GanDiscriminator(2)]\n[Block(typeof(Hidden)), Dense(1)]\npublic partial class D { }\n" +
            "[Gan(typeof(G), typeof(D), GradientPenalty = 1)]\npublic partial class P { }\n");   // 12

        Assert.Equal(new[]
        {
            ("GAN023", DiagnosticSeverity.Warning, 12, "D has [BatchNorm] in block Hidden, but the gradient penalty (GradientPenalty = 1) is taken per sample and BatchNorm mixes the samples of a batch; use [LayerNorm] or no normalisation in the critic"),
        }, found);
    }

    [Fact]
    public void GAN023_names_ConditionalBatchNorm_in_a_conditional_critic()
    {
        var found = Gan(
            "[GanGenerator(LatentDim = 4, Classes = 3)]\n[ConcatLabel(2), Dense(8), ReLU, Dense(2)]\npublic partial class G { }\n" +   // 3-5
            "[GanDiscriminator(2, Classes = 3)]\n[Dense(8), ConditionalBatchNorm, LeakyReLU(0.2), ProjectLabel]\npublic partial class D { }\n" +
            "[Gan(typeof(G), typeof(D), Loss = GanLoss.WassersteinGP)]\npublic partial class P { }\n");   // 9

        Assert.Equal(new[]
        {
            ("GAN023", DiagnosticSeverity.Warning, 9, "D has [ConditionalBatchNorm] (layer attribute 2), but WassersteinGP's gradient penalty is taken per sample and ConditionalBatchNorm mixes the samples of a batch; use [LayerNorm] or no normalisation in the critic"),
        }, found);
    }

    [Theory]
    [InlineData("[Dense(8), BatchNorm, LeakyReLU(0.2), Dense(1)]", ", Loss = GanLoss.Wasserstein")] // no penalty: clipping
    [InlineData("[Dense(8), BatchNorm, LeakyReLU(0.2), Dense(1)]", ", Loss = GanLoss.Hinge")]
    [InlineData("[Dense(8), LayerNorm, LeakyReLU(0.2), Dense(1)]", ", Loss = GanLoss.WassersteinGP")]
    [InlineData("[Dense(8), LeakyReLU(0.2), Dense(1)]", ", Loss = GanLoss.WassersteinGP")]
    public void Critics_without_the_problem_get_no_diagnostic(string discriminator, string options)
    {
        Assert.Empty(Gan(Pair(discriminator, options)));
    }
}
