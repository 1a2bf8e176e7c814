using System.Collections.Generic;
using System.Globalization;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Parsing;

/// <summary>
/// Reads a [Gan]'s training options: each named argument that is set, else the value of the loss's recipe; then
/// checks the values that were set (GAN006 on the [Gan] attribute, naming the option). A value the recipe supplies is
/// valid by construction; a value derived from an invalid one (the networks' learning rates from LearningRate) is
/// marked invalid without a second report.
/// </summary>
internal static class GanOptionsReader
{
    /// <summary>The members the generated half declares for the options (a user's member of that name clashes).</summary>
    public static readonly string[] MemberNames =
    {
        "LatentDim", "Loss", "Optimizer", "LearningRate", "GeneratorLearningRate", "DiscriminatorLearningRate", "Beta1", "Beta2",
        "DiscriminatorSteps", "ClipValue", "GradientPenalty", "R1Penalty", "LabelSmoothing", "EmaDecay", "EmaWarmup",
        "LearningRateDecay", "AuxiliaryClassifierWeight", "ModeSeekingWeight", "DcganInit",
    };

    /// <summary>Every member the generated half of a [Gan] declares.</summary>
    public static readonly string[] GeneratedMembers = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(MemberNames, new[] { "ImageShape", "Declaration", "Load" }));

    public static GanOptionsSpec Read(AttributeValues v, List<Problem> problems)
    {
        var invalid = new List<string>();
        void Report(string option, string message)
        {
            if (!invalid.Contains(option)) invalid.Add(option);
            problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ModelAttribute, "[Gan]: " + message));
        }

        int loss = (int)v.NamedLong("Loss", 0);
        bool lossKnown = GanRecipes.IsLoss(loss);
        if (!lossKnown) Report("Loss", Invariant($"Loss {loss} is not a GanLoss value"));
        var recipe = GanRecipes.For(loss);

        int optimizer = v.IsSet("Optimizer") ? (int)v.NamedLong("Optimizer", recipe.Optimizer) : recipe.Optimizer;
        if (optimizer is not (GanRecipes.Adam or GanRecipes.RmsProp))
            Report("Optimizer", Invariant($"Optimizer {optimizer} is not a GanOptimizer value (Adam or RmsProp)"));

        double learningRate = Double(v, "LearningRate", recipe.LearningRate);
        if (!Positive(learningRate)) Report("LearningRate", $"LearningRate must be positive, got {Num(learningRate)}");
        double generatorRate = Double(v, "GeneratorLearningRate", learningRate);
        double discriminatorRate = Double(v, "DiscriminatorLearningRate", learningRate);
        foreach (var (name, value) in new[] { ("GeneratorLearningRate", generatorRate), ("DiscriminatorLearningRate", discriminatorRate) })
        {
            if (Positive(value)) continue;
            if (v.IsSet(name)) Report(name, $"{name} must be positive, got {Num(value)}");
            else invalid.Add(name);
        }

        double beta1 = Double(v, "Beta1", recipe.Beta1), beta2 = Double(v, "Beta2", recipe.Beta2);
        if (!(beta1 >= 0 && beta1 < 1)) Report("Beta1", $"Beta1 must be in [0, 1), got {Num(beta1)}");
        if (!(beta2 >= 0 && beta2 < 1)) Report("Beta2", $"Beta2 must be in [0, 1), got {Num(beta2)}");
        if (optimizer == GanRecipes.RmsProp)
            foreach (var beta in new[] { "Beta1", "Beta2" })
                if (v.IsSet(beta))
                    Report(beta, $"{beta} is Adam's, but this [Gan] trains with RmsProp{(v.IsSet("Optimizer") ? "" : " (the Wasserstein recipe)")}; remove {beta} or set Optimizer = GanOptimizer.Adam");

        int steps = v.IsSet("DiscriminatorSteps") ? (int)v.NamedLong("DiscriminatorSteps", recipe.DiscriminatorSteps) : recipe.DiscriminatorSteps;
        if (steps < 1) Report("DiscriminatorSteps", Invariant($"DiscriminatorSteps (discriminator updates per generator update) must be at least 1, got {steps}"));

        double clip = Double(v, "ClipValue", recipe.ClipValue);
        if (v.IsSet("ClipValue") && !Positive(clip))
            Report("ClipValue", $"ClipValue must be positive (D's weights are clamped to [-ClipValue, ClipValue]), got {Num(clip)}; leave it unset for no clipping");

        double gradientPenalty = Double(v, "GradientPenalty", recipe.GradientPenalty);
        if (!NonNegative(gradientPenalty))
            Report("GradientPenalty", $"GradientPenalty must be 0 (off) or positive, got {Num(gradientPenalty)}");
        else if (loss == GanRecipes.WassersteinGP && gradientPenalty == 0)
            Report("GradientPenalty", "GradientPenalty must be positive with WassersteinGP, got 0; for the Wasserstein loss without a penalty use Loss = GanLoss.Wasserstein");

        double r1 = Double(v, "R1Penalty", 0);
        if (!NonNegative(r1)) Report("R1Penalty", $"R1Penalty must be 0 (off) or positive, got {Num(r1)}");

        double smoothing = Double(v, "LabelSmoothing", 0);
        if (!(smoothing >= 0 && smoothing < 1))
            Report("LabelSmoothing", $"LabelSmoothing must be in [0, 1) (0.1: real target 0.9), got {Num(smoothing)}");
        else if (smoothing > 0 && lossKnown && !GanRecipes.HasTargets(loss))
            Report("LabelSmoothing", $"LabelSmoothing applies to the losses with targets (NonSaturating, Minimax, LeastSquares), not {GanRecipes.LossNames[loss]}");

        double ema = Double(v, "EmaDecay", 0);
        if (!(ema >= 0 && ema < 1)) Report("EmaDecay", $"EmaDecay must be in [0, 1) (0: off), got {Num(ema)}");
        bool warmup = v.NamedBool("EmaWarmup", false);
        if (warmup && ema == 0)
            Report("EmaWarmup", "EmaWarmup warms up the moving average of G's weights, but EmaDecay is 0 (no average); set EmaDecay (e.g. 0.999) or remove EmaWarmup");

        double decay = Double(v, "LearningRateDecay", 0);
        if (!(decay >= 0 && decay <= 1))
            Report("LearningRateDecay", $"LearningRateDecay must be in [0, 1] (the last fraction of the run over which the learning rates fall to 0; 0: off), got {Num(decay)}");

        double classifier = Double(v, "AuxiliaryClassifierWeight", 0);
        if (!NonNegative(classifier))
            Report("AuxiliaryClassifierWeight", $"AuxiliaryClassifierWeight must be 0 (off) or positive, got {Num(classifier)}");

        double modeSeeking = Double(v, "ModeSeekingWeight", 0);
        if (!NonNegative(modeSeeking))
            Report("ModeSeekingWeight", $"ModeSeekingWeight must be 0 (off) or positive, got {Num(modeSeeking)}");

        return new GanOptionsSpec(loss, optimizer, learningRate, generatorRate, discriminatorRate, beta1, beta2, steps, clip,
            gradientPenalty, r1, smoothing, ema, warmup, decay, classifier, modeSeeking, v.NamedBool("DcganInit", false), invalid.ToEquatableArray());
    }

    private static double Double(AttributeValues v, string name, double fallback) => v.IsSet(name) ? v.NamedDouble(name, fallback) : fallback;

    private static bool Positive(double value) => value > 0 && value < double.PositiveInfinity;

    private static bool NonNegative(double value) => value >= 0 && value < double.PositiveInfinity;

    private static string Num(double value) => Ops.OpText.Num(value);
}
