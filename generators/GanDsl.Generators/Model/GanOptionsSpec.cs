using System.Linq;

namespace GanDsl.Generators.Model;

/// <summary>
/// The training options of a [Gan] class, resolved: each value the attribute sets, else the loss's recipe
/// (<see cref="GanRecipes"/>). Loss and Optimizer hold the GanLoss and GanOptimizer enums' values. <see cref="Invalid"/>
/// names the options whose values are invalid (the reader reports them, GAN006); a declaration half does not write
/// those as constants.
/// </summary>
internal sealed record GanOptionsSpec(
    int Loss,
    int Optimizer,
    double LearningRate,
    double GeneratorLearningRate,
    double DiscriminatorLearningRate,
    double Beta1,
    double Beta2,
    int DiscriminatorSteps,
    double ClipValue,
    double GradientPenalty,
    double R1Penalty,
    double LabelSmoothing,
    double EmaDecay,
    bool EmaWarmup,
    double LearningRateDecay,
    double AuxiliaryClassifierWeight,
    double ModeSeekingWeight,
    bool DcganInit,
    EquatableArray<string> Invalid = default)
{
    /// <summary>What stands in for the options of a [Gan] GanDsl failed to read.</summary>
    public static GanOptionsSpec Unread { get; } = new(0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, false, 0, 0, 0, false);

    public bool IsValid(string option) => !Invalid.Contains(option);
}
