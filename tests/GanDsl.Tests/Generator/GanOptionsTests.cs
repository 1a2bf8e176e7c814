using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>The [Gan] training options: unset options resolve to the loss's recipe, set values win, and invalid
/// values are GAN006 on the [Gan] attribute naming the option (the model then gets its declaration half).</summary>
public class GanOptionsTests
{
    private const string Networks =
        "using GanDsl;\nnamespace T;\n" +
        "[GanGenerator(LatentDim = 4)] [Dense(2)] public partial class G { }\n" +
        "[GanDiscriminator(2)] [Dense(8), LeakyReLU(0.2)] [Dense(1)] public partial class D { }\n";

    private static GeneratorResult Run(string arguments)
    {
        var result = GeneratorHarness.Run(Networks + $"[Gan(typeof(G), typeof(D){arguments})] public partial class Pair {{ }}\n");
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        return result;
    }

    /// <summary>The generated constants of Pair as "Name = value" (enum values without their namespace).</summary>
    private static string[] Constants(GeneratorResult result) =>
        result.Sources["T.Pair.g.cs"].Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("public const ", System.StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ').Skip(3)).TrimEnd(';').Replace("global::GanDsl.", ""))
            .ToArray();

    [Theory]
    [InlineData("", "Loss = GanLoss.NonSaturating", "Optimizer = GanOptimizer.Adam", "LearningRate = 0.0002", "Beta2 = 0.999", "DiscriminatorSteps = 1", "ClipValue = 0.0", "GradientPenalty = 0.0")]
    [InlineData(", Loss = GanLoss.Hinge", "Loss = GanLoss.Hinge", "Optimizer = GanOptimizer.Adam", "LearningRate = 0.0002", "Beta2 = 0.999", "DiscriminatorSteps = 1", "ClipValue = 0.0", "GradientPenalty = 0.0")]
    [InlineData(", Loss = GanLoss.LeastSquares", "Loss = GanLoss.LeastSquares", "Optimizer = GanOptimizer.Adam", "LearningRate = 0.0002", "Beta2 = 0.999", "DiscriminatorSteps = 1", "ClipValue = 0.0", "GradientPenalty = 0.0")]
    [InlineData(", Loss = GanLoss.Wasserstein", "Loss = GanLoss.Wasserstein", "Optimizer = GanOptimizer.RmsProp", "LearningRate = 5E-05", "Beta2 = 0.999", "DiscriminatorSteps = 5", "ClipValue = 0.01", "GradientPenalty = 0.0")]
    [InlineData(", Loss = GanLoss.WassersteinGP", "Loss = GanLoss.WassersteinGP", "Optimizer = GanOptimizer.Adam", "LearningRate = 0.0001", "Beta2 = 0.9", "DiscriminatorSteps = 5", "ClipValue = 0.0", "GradientPenalty = 10.0")]
    public void Unset_options_take_the_published_recipe_of_the_loss(string arguments, params string[] expected)
    {
        var result = Run(arguments);

        Assert.Empty(result.Gan);
        var constants = Constants(result);
        foreach (var line in expected) Assert.Contains(line, constants);
        Assert.Contains("R1Penalty = 0.0", constants);
        Assert.Contains("EmaDecay = 0.0", constants);
        Assert.Contains("EmaWarmup = false", constants);
        Assert.Contains("LearningRateDecay = 0.0", constants);
        Assert.Contains("AuxiliaryClassifierWeight = 0.0", constants);
        Assert.Contains("ModeSeekingWeight = 0.0", constants);
    }

    [Fact]
    public void Set_values_win_over_the_recipe_and_the_network_rates_default_to_the_learning_rate()
    {
        var result = Run(", Loss = GanLoss.WassersteinGP, LearningRate = 3e-4, Beta2 = 0.99, DiscriminatorSteps = 2, GradientPenalty = 5, " +
                         "DiscriminatorLearningRate = 4e-4, EmaDecay = 0.999, EmaWarmup = true, R1Penalty = 0.5, LearningRateDecay = 0.5");

        Assert.Empty(result.Gan);
        Assert.Equal(new[]
        {
            "LatentDim = 4", "Loss = GanLoss.WassersteinGP", "Optimizer = GanOptimizer.Adam", "LearningRate = 0.0003",
            "GeneratorLearningRate = 0.0003", "DiscriminatorLearningRate = 0.0004", "Beta1 = 0.5", "Beta2 = 0.99", "DiscriminatorSteps = 2",
            "ClipValue = 0.0", "GradientPenalty = 5.0", "R1Penalty = 0.5", "LabelSmoothing = 0.0", "EmaDecay = 0.999", "EmaWarmup = true",
            "LearningRateDecay = 0.5", "AuxiliaryClassifierWeight = 0.0", "ModeSeekingWeight = 0.0", "DcganInit = false",
        }, Constants(result));
        Assert.Contains("DiscriminatorLearningRate = Pair.DiscriminatorLearningRate,", result.Sources["T.Pair.g.cs"]);
        Assert.Contains("EmaWarmup = Pair.EmaWarmup,", result.Sources["T.Pair.g.cs"]);
    }

    [Fact]
    public void An_explicit_optimizer_and_clip_value_replace_the_wasserstein_recipe()
    {
        var result = Run(", Loss = GanLoss.Wasserstein, Optimizer = GanOptimizer.Adam, Beta1 = 0.0, ClipValue = 0.05, LabelSmoothing = 0");

        Assert.Empty(result.Gan);
        var constants = Constants(result);
        Assert.Contains("Optimizer = GanOptimizer.Adam", constants);
        Assert.Contains("Beta1 = 0.0", constants);
        Assert.Contains("ClipValue = 0.05", constants);
    }

    [Theory]
    [InlineData("DiscriminatorSteps = 0", "[Gan]: DiscriminatorSteps (discriminator updates per generator update) must be at least 1, got 0")]
    [InlineData("Loss = GanLoss.Wasserstein, DiscriminatorSteps = -2", "[Gan]: DiscriminatorSteps (discriminator updates per generator update) must be at least 1, got -2")]
    [InlineData("Loss = GanLoss.Wasserstein, ClipValue = 0", "[Gan]: ClipValue must be positive (D's weights are clamped to [-ClipValue, ClipValue]), got 0; leave it unset for no clipping")]
    [InlineData("ClipValue = -0.01", "[Gan]: ClipValue must be positive (D's weights are clamped to [-ClipValue, ClipValue]), got -0.01; leave it unset for no clipping")]
    [InlineData("EmaDecay = 1", "[Gan]: EmaDecay must be in [0, 1) (0: off), got 1")]
    [InlineData("EmaDecay = -0.5", "[Gan]: EmaDecay must be in [0, 1) (0: off), got -0.5")]
    [InlineData("EmaWarmup = true", "[Gan]: EmaWarmup warms up the moving average of G's weights, but EmaDecay is 0 (no average); set EmaDecay (e.g. 0.999) or remove EmaWarmup")]
    [InlineData("LearningRateDecay = 1.5", "[Gan]: LearningRateDecay must be in [0, 1] (the last fraction of the run over which the learning rates fall to 0; 0: off), got 1.5")]
    [InlineData("LearningRateDecay = -0.1", "[Gan]: LearningRateDecay must be in [0, 1] (the last fraction of the run over which the learning rates fall to 0; 0: off), got -0.1")]
    [InlineData("GradientPenalty = -1", "[Gan]: GradientPenalty must be 0 (off) or positive, got -1")]
    [InlineData("AuxiliaryClassifierWeight = double.NaN", "[Gan]: AuxiliaryClassifierWeight must be 0 (off) or positive, got NaN")]
    [InlineData("ModeSeekingWeight = -1", "[Gan]: ModeSeekingWeight must be 0 (off) or positive, got -1")]
    [InlineData("Loss = GanLoss.WassersteinGP, GradientPenalty = 0", "[Gan]: GradientPenalty must be positive with WassersteinGP, got 0; for the Wasserstein loss without a penalty use Loss = GanLoss.Wasserstein")]
    [InlineData("R1Penalty = double.NaN", "[Gan]: R1Penalty must be 0 (off) or positive, got NaN")]
    [InlineData("LabelSmoothing = 1.0", "[Gan]: LabelSmoothing must be in [0, 1) (0.1: real target 0.9), got 1")]
    [InlineData("Loss = GanLoss.Hinge, LabelSmoothing = 0.1", "[Gan]: LabelSmoothing applies to the losses with targets (NonSaturating, Minimax, LeastSquares), not Hinge")]
    [InlineData("GeneratorLearningRate = 0", "[Gan]: GeneratorLearningRate must be positive, got 0")]
    [InlineData("DiscriminatorLearningRate = double.PositiveInfinity", "[Gan]: DiscriminatorLearningRate must be positive, got Infinity")]
    [InlineData("Optimizer = (GanOptimizer)7", "[Gan]: Optimizer 7 is not a GanOptimizer value (Adam or RmsProp)")]
    [InlineData("Loss = (GanLoss)9", "[Gan]: Loss 9 is not a GanLoss value")]
    [InlineData("Loss = GanLoss.Wasserstein, Beta1 = 0.0", "[Gan]: Beta1 is Adam's, but this [Gan] trains with RmsProp (the Wasserstein recipe); remove Beta1 or set Optimizer = GanOptimizer.Adam")]
    [InlineData("Optimizer = GanOptimizer.RmsProp, Beta2 = 0.9", "[Gan]: Beta2 is Adam's, but this [Gan] trains with RmsProp; remove Beta2 or set Optimizer = GanOptimizer.Adam")]
    public void An_invalid_option_is_GAN006_on_the_gan_attribute_naming_it(string arguments, string message)
    {
        var result = Run(", " + arguments);

        var diagnostic = Assert.Single(result.Gan);
        Assert.Equal("GAN006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage());
        Assert.StartsWith("Gan(typeof(G), typeof(D)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.True(GeneratorHarness.IsDeclarationOnly(result.Sources["T.Pair.g.cs"]));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("GAN", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_declaration_half_writes_the_valid_options_and_throws_for_the_invalid_one()
    {
        var result = Run(", Loss = GanLoss.Hinge, DiscriminatorSteps = 0, EmaDecay = 0.99");

        string half = result.Sources["T.Pair.g.cs"];
        Assert.Contains("public const global::GanDsl.GanLoss Loss = global::GanDsl.GanLoss.Hinge;", half);
        Assert.Contains("public const double EmaDecay = 0.99;", half);
        Assert.Contains("public static int DiscriminatorSteps => throw", half);
    }
}
