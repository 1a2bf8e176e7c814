namespace GanDsl;

/// <summary>The adversarial objective. All losses work on the discriminator's raw output (a logit, or a critic's
/// score); none wants a Sigmoid at the end of the discriminator. Each has a published recipe (optimizer, learning
/// rate, betas, critic steps, clipping, penalty) that a [Gan] gets for every option it does not set: see
/// <see cref="GanRecipe"/>.</summary>
public enum GanLoss
{
    /// <summary>G maximises log D(G(z)) (the seeds' practical choice); D minimises binary cross-entropy.</summary>
    NonSaturating = 0,

    /// <summary>The original value function: D maximises E[log D(x)] + E[log(1 - D(G(z)))] and G minimises it.</summary>
    Minimax = 1,

    /// <summary>WGAN (Arjovsky et al. 2017): the critic minimises D(G(z)) - D(x), G minimises -D(G(z)); the critic's
    /// weights are clipped to [-ClipValue, ClipValue] after each update. Recipe: RMSprop 5e-5, clip 0.01, 5 critic steps.</summary>
    Wasserstein = 2,

    /// <summary>WGAN-GP (Gulrajani et al. 2017): the Wasserstein loss with a gradient penalty
    /// lambda * (||grad D(x^)||_2 - 1)^2 on per-sample interpolates x^ of real and generated samples, instead of
    /// clipping. Recipe: Adam 1e-4, betas (0.5, 0.9), lambda 10, 5 critic steps.</summary>
    WassersteinGP = 3,

    /// <summary>Hinge loss (SAGAN, BigGAN): D minimises relu(1 - D(x)) + relu(1 + D(G(z))), G minimises -D(G(z)).</summary>
    Hinge = 4,

    /// <summary>Least squares (LSGAN, Mao et al. 2017), targets a = 0, b = 1, c = 1: D minimises
    /// 1/2 (D(x) - 1)^2 + 1/2 D(G(z))^2, G minimises 1/2 (D(G(z)) - 1)^2.</summary>
    LeastSquares = 5,
}

/// <summary>The optimizer both networks train with.</summary>
public enum GanOptimizer
{
    /// <summary>Adam with the [Gan]'s Beta1 and Beta2.</summary>
    Adam = 1,

    /// <summary>RMSprop (alpha 0.99, eps 1e-8, no momentum), the WGAN paper's choice: Beta1 and Beta2 do not apply.</summary>
    RmsProp = 2,
}
