using System.Collections.Generic;
using System.Globalization;
using GanDsl.Generators.Model;

namespace GanDsl.Generators.Emitting;

/// <summary>
/// The resolved training options of a [Gan] as constants of its generated class, in one order for the full half and
/// the declaration half, and the object initializer that carries them into its GanDefinition.
/// </summary>
internal static class GanOptionConstants
{
    private const string GanOptimizer = "global::GanDsl.GanOptimizer";

    /// <summary>Name, C# type and literal of each option constant (LatentDim comes from the generator and is written
    /// by the emitters); the literal is null for an option whose value is invalid.</summary>
    public static IReadOnlyList<(string Name, string Type, string? Literal)> Of(GanOptionsSpec o)
    {
        string? Valid(string name, string literal) => o.IsValid(name) ? literal : null;
        return new (string, string, string?)[]
        {
            ("Loss", Names.GanLoss, Valid("Loss", $"{Names.GanLoss}.{(GanRecipes.IsLoss(o.Loss) ? GanRecipes.LossNames[o.Loss] : "NonSaturating")}")),
            ("Optimizer", GanOptimizer, Valid("Optimizer", $"{GanOptimizer}.{GanRecipes.OptimizerName(o.Optimizer)}")),
            ("LearningRate", "double", Valid("LearningRate", Literal(o.LearningRate))),
            ("GeneratorLearningRate", "double", Valid("GeneratorLearningRate", Literal(o.GeneratorLearningRate))),
            ("DiscriminatorLearningRate", "double", Valid("DiscriminatorLearningRate", Literal(o.DiscriminatorLearningRate))),
            ("Beta1", "double", Valid("Beta1", Literal(o.Beta1))),
            ("Beta2", "double", Valid("Beta2", Literal(o.Beta2))),
            ("DiscriminatorSteps", "int", Valid("DiscriminatorSteps", o.DiscriminatorSteps.ToString(CultureInfo.InvariantCulture))),
            ("ClipValue", "double", Valid("ClipValue", Literal(o.ClipValue))),
            ("GradientPenalty", "double", Valid("GradientPenalty", Literal(o.GradientPenalty))),
            ("R1Penalty", "double", Valid("R1Penalty", Literal(o.R1Penalty))),
            ("LabelSmoothing", "double", Valid("LabelSmoothing", Literal(o.LabelSmoothing))),
            ("EmaDecay", "double", Valid("EmaDecay", Literal(o.EmaDecay))),
            ("EmaWarmup", "bool", Valid("EmaWarmup", o.EmaWarmup ? "true" : "false")),
            ("LearningRateDecay", "double", Valid("LearningRateDecay", Literal(o.LearningRateDecay))),
            ("AuxiliaryClassifierWeight", "double", Valid("AuxiliaryClassifierWeight", Literal(o.AuxiliaryClassifierWeight))),
            ("ModeSeekingWeight", "double", Valid("ModeSeekingWeight", Literal(o.ModeSeekingWeight))),
            ("DcganInit", "bool", o.DcganInit ? "true" : "false"),
        };
    }

    /// <summary>The options GanDefinition takes as init properties (the others are its constructor's arguments).</summary>
    public static readonly string[] InitProperties =
    {
        "Optimizer", "GeneratorLearningRate", "DiscriminatorLearningRate", "DiscriminatorSteps", "ClipValue", "GradientPenalty",
        "R1Penalty", "LabelSmoothing", "EmaDecay", "EmaWarmup", "LearningRateDecay", "AuxiliaryClassifierWeight",
        "ModeSeekingWeight",
    };

    private static string Literal(double value) => Ops.OpText.Literal(value);
}
