namespace GanDsl;

/// <summary>
/// The published training recipe of a loss: what a [Gan] gets for each option it leaves unset (the generator writes
/// the resolved values as constants on the generated class). Sources: DCGAN (Radford et al. 2016) for the
/// cross-entropy, hinge and least-squares losses; the WGAN paper's reference code (RMSprop 5e-5, clip 0.01, 5 critic
/// steps); the WGAN-GP paper's reference code (Adam 1e-4, betas (0.5, 0.9), lambda 10, 5 critic steps).
/// ClipValue 0 means no clipping and GradientPenalty (the WGAN-GP lambda) 0 no penalty.
/// </summary>
public sealed record GanRecipe(
    GanOptimizer Optimizer,
    double LearningRate,
    double Beta1,
    double Beta2,
    int DiscriminatorSteps,
    double ClipValue,
    double GradientPenalty)
{
    public static GanRecipe For(GanLoss loss) => loss switch
    {
        GanLoss.Wasserstein => new(GanOptimizer.RmsProp, 5e-5, 0.5, 0.999, DiscriminatorSteps: 5, ClipValue: 0.01, GradientPenalty: 0),
        GanLoss.WassersteinGP => new(GanOptimizer.Adam, 1e-4, 0.5, 0.9, DiscriminatorSteps: 5, ClipValue: 0, GradientPenalty: 10),
        _ => new(GanOptimizer.Adam, 2e-4, 0.5, 0.999, DiscriminatorSteps: 1, ClipValue: 0, GradientPenalty: 0),
    };
}
