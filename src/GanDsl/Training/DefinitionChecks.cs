using System;

namespace GanDsl;

/// <summary>Checks of a <see cref="GanDefinition"/>'s training options when a model is created. The generator reports
/// the same rules at build time (GAN006) for [Gan] attributes; these catch definitions written by hand.</summary>
internal static class DefinitionChecks
{
    public static void Validate(GanDefinition d)
    {
        if (!Enum.IsDefined(d.Loss)) throw Bad(nameof(d.Loss), d.Loss, "is not a GanLoss value");
        if (!Enum.IsDefined(d.Optimizer)) throw Bad(nameof(d.Optimizer), d.Optimizer, "is not a GanOptimizer value");
        Positive(nameof(d.LearningRate), d.LearningRate);
        Positive(nameof(d.GeneratorLearningRate), d.GeneratorLearningRate);
        Positive(nameof(d.DiscriminatorLearningRate), d.DiscriminatorLearningRate);
        UnitInterval(nameof(d.Beta1), d.Beta1);
        UnitInterval(nameof(d.Beta2), d.Beta2);
        if (d.DiscriminatorSteps < 1) throw Bad(nameof(d.DiscriminatorSteps), d.DiscriminatorSteps, "must be at least 1 (discriminator updates per generator update)");
        NonNegative(nameof(d.ClipValue), d.ClipValue);
        NonNegative(nameof(d.GradientPenalty), d.GradientPenalty);
        NonNegative(nameof(d.R1Penalty), d.R1Penalty);
        UnitInterval(nameof(d.LabelSmoothing), d.LabelSmoothing);
        UnitInterval(nameof(d.EmaDecay), d.EmaDecay);
        if (d.EmaWarmup && d.EmaDecay == 0)
            throw Bad(nameof(d.EmaWarmup), d.EmaWarmup, "needs EmaDecay > 0: it warms up the moving average of G's weights, which EmaDecay = 0 turns off");
        if (!(d.LearningRateDecay >= 0 && d.LearningRateDecay <= 1))
            throw Bad(nameof(d.LearningRateDecay), d.LearningRateDecay, "must be in [0, 1] (the last fraction of the run over which the learning rates fall to 0; 0: off)");
        if (d.Classes < 0) throw Bad(nameof(d.Classes), d.Classes, "must be 0 (unconditional) or the number of classes");
        NonNegative(nameof(d.AuxiliaryClassifierWeight), d.AuxiliaryClassifierWeight);
        NonNegative(nameof(d.ModeSeekingWeight), d.ModeSeekingWeight);
        if (d.AuxiliaryClassifierWeight > 0 && d.Classes == 0)
            throw Bad(nameof(d.AuxiliaryClassifierWeight), d.AuxiliaryClassifierWeight, "needs a class-conditional pair (Classes > 0): it classifies samples by their labels");
        if (d.LabelSmoothing > 0 && !GanLosses.HasTargets(d.Loss))
            throw Bad(nameof(d.LabelSmoothing), d.LabelSmoothing, $"applies to the losses with targets (NonSaturating, Minimax, LeastSquares), not {d.Loss}");
    }

    private static void Positive(string name, double value)
    {
        if (!(value > 0 && double.IsFinite(value))) throw Bad(name, value, "must be positive and finite");
    }

    private static void NonNegative(string name, double value)
    {
        if (!(value >= 0 && double.IsFinite(value))) throw Bad(name, value, "must be 0 (off) or positive and finite");
    }

    private static void UnitInterval(string name, double value)
    {
        if (!(value >= 0 && value < 1)) throw Bad(name, value, "must be in [0, 1)");
    }

    private static ArgumentException Bad(string option, object value, string rule) =>
        new(FormattableString.Invariant($"GanDefinition.{option} {rule}; got {value}"), "definition");
}
