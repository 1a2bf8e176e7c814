using System;

namespace GanDsl;

/// <summary>
/// Linear learning-rate decay over the end of a run (LearningRateDecay): with T planned steps and a decay fraction f,
/// step s (0-based) trains at rate r * min(1, (T - s) / (f T)). The rate is full through step T - f T, then falls by
/// r / (f T) a step; the last step trains at r / (f T), never at 0. It depends only on the step and the budget, so a
/// resumed run with the same budget trains at the same rates as one that never stopped.
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>The factor on the full rate for step <paramref name="step"/> of <paramref name="plannedSteps"/>.</summary>
    public static double Scale(double decay, long step, long plannedSteps)
    {
        if (!(decay >= 0 && decay <= 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "the decay fraction must be in [0, 1]");
        if (plannedSteps < 1) throw new ArgumentOutOfRangeException(nameof(plannedSteps), plannedSteps, "at least one planned step");
        if (decay == 0) return 1;
        double decaySteps = Math.Max(1, decay * plannedSteps);
        return Math.Clamp((plannedSteps - step) / decaySteps, 1 / decaySteps, 1);
    }

    /// <summary>Sets every parameter group of each of <paramref name="objective"/>'s optimizers to its full rate times
    /// the scale for <paramref name="step"/>; does nothing when the objective has no decay.</summary>
    public static void Apply(ITrainingObjective objective, long step, long plannedSteps)
    {
        if (objective.LearningRateDecay == 0) return;
        double scale = Scale(objective.LearningRateDecay, step, plannedSteps);
        foreach (var optimizer in objective.Optimizers)
            foreach (var group in optimizer.Optimizer.ParamGroups)
                group.LearningRate = optimizer.LearningRate * scale;
    }
}
