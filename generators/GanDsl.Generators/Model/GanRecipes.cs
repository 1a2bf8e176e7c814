namespace GanDsl.Generators.Model;

/// <summary>
/// The generator's copy of the runtime's GanRecipe table (the generator cannot reference the runtime): what a [Gan]
/// gets for each option it leaves unset. A test compares the two for every loss.
/// </summary>
internal static class GanRecipes
{
    public const int Adam = 1, RmsProp = 2;
    public const int Wasserstein = 2, WassersteinGP = 3;

    /// <summary>GanLoss's names by value.</summary>
    public static readonly string[] LossNames = { "NonSaturating", "Minimax", "Wasserstein", "WassersteinGP", "Hinge", "LeastSquares" };

    public static bool IsLoss(int loss) => loss >= 0 && loss < LossNames.Length;

    /// <summary>True for the losses whose discriminator is a critic with an unbounded score: Wasserstein, WassersteinGP, Hinge.</summary>
    public static bool IsCritic(int loss) => loss is Wasserstein or WassersteinGP or 4;

    public static string OptimizerName(int optimizer) => optimizer == RmsProp ? "RmsProp" : "Adam";

    /// <summary>True for the losses with targets (where label smoothing applies): NonSaturating, Minimax, LeastSquares.</summary>
    public static bool HasTargets(int loss) => loss is 0 or 1 or 5;

    public static (int Optimizer, double LearningRate, double Beta1, double Beta2, int DiscriminatorSteps, double ClipValue, double GradientPenalty) For(int loss) => loss switch
    {
        Wasserstein => (RmsProp, 5e-5, 0.5, 0.999, 5, 0.01, 0),
        WassersteinGP => (Adam, 1e-4, 0.5, 0.9, 5, 0, 10),
        _ => (Adam, 2e-4, 0.5, 0.999, 1, 0, 0),
    };
}
