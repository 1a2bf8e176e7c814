using System;

namespace GanDsl;

/// <summary>Marks a partial class as a generator network: latent vector in, image out. With arguments, the generator
/// takes an image instead of noise (image-to-image): the arguments are its input shape, as for a discriminator.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanGeneratorAttribute : Attribute
{
    /// <param name="inputShape">Empty for a noise generator; the input image's (C, H, W) or (N) for an
    /// image-conditioned one.</param>
    public GanGeneratorAttribute(params int[] inputShape) => InputShape = inputShape;

    public int[] InputShape { get; }

    /// <summary>Size of the latent noise vector fed to the first layer (not for an image-conditioned generator).</summary>
    public int LatentDim { get; set; } = 100;

    /// <summary>Number of classes of a class-conditional generator (0: unconditional); its forward then also takes
    /// int64 labels, which label layers (<see cref="ConcatLabelAttribute"/>, <see cref="ConditionalBatchNormAttribute"/>) read.</summary>
    public int Classes { get; set; }
}

/// <summary>Marks a partial class as a discriminator network; the arguments are its input shape (C, H, W) or (N) without the batch dimension.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanDiscriminatorAttribute : Attribute
{
    public GanDiscriminatorAttribute(params int[] inputShape) => InputShape = inputShape;

    public int[] InputShape { get; }

    /// <summary>Number of classes of a class-conditional discriminator (0: unconditional); its forward then also takes
    /// int64 labels, which <see cref="ConcatLabelAttribute"/> or <see cref="ProjectLabelAttribute"/> read.</summary>
    public int Classes { get; set; }
}

/// <summary>Marks a class whose layer attributes form a reusable block, used in networks with
/// <see cref="BlockAttribute"/>. Its shapes are inferred at each use; "input" names the value the block receives.
/// GanDsl generates nothing for the block class itself: each network that uses it gets a nested module per input shape.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanBlockAttribute : Attribute
{
}

/// <summary>
/// Pairs a generator with a discriminator and declares how they are trained. Options left unset take the published
/// recipe of <see cref="Loss"/> (<see cref="GanRecipe.For"/>): Adam 2e-4, betas (0.5, 0.999), one D step for the
/// cross-entropy, hinge and least-squares losses; RMSprop 5e-5, clip 0.01, 5 critic steps for Wasserstein; Adam 1e-4,
/// betas (0.5, 0.9), gradient penalty 10, 5 critic steps for WassersteinGP. Values you set always win. The generated
/// class shows every resolved value as a constant (F12 on it), and the build reports invalid values (GAN006).
/// The property defaults below (NaN, 0) only mean "not set".
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanAttribute : Attribute
{
    public GanAttribute(Type generator, Type discriminator)
    {
        Generator = generator;
        Discriminator = discriminator;
    }

    public Type Generator { get; }
    public Type Discriminator { get; }
    public GanLoss Loss { get; set; } = GanLoss.NonSaturating;

    /// <summary>Adam or RmsProp for both networks; not set: the loss's recipe (RmsProp for Wasserstein, else Adam).</summary>
    public GanOptimizer Optimizer { get; set; }

    /// <summary>Learning rate of both networks; not set: the loss's recipe.</summary>
    public double LearningRate { get; set; } = double.NaN;

    /// <summary>G's own learning rate (two time-scale update rule, e.g. 1e-4 with a D rate of 4e-4); not set: LearningRate.</summary>
    public double GeneratorLearningRate { get; set; } = double.NaN;

    /// <summary>D's own learning rate (two time-scale update rule); not set: LearningRate.</summary>
    public double DiscriminatorLearningRate { get; set; } = double.NaN;

    /// <summary>Adam's beta1; not set: the loss's recipe (0.5).</summary>
    public double Beta1 { get; set; } = double.NaN;

    /// <summary>Adam's beta2; not set: the loss's recipe (0.9 for WassersteinGP, else 0.999).</summary>
    public double Beta2 { get; set; } = double.NaN;

    /// <summary>Discriminator (critic) updates per generator update, n_critic, each on its own real batch; at least 1;
    /// not set: 5 for the Wasserstein losses, else 1.</summary>
    public int DiscriminatorSteps { get; set; }

    /// <summary>Clamp every discriminator weight to [-ClipValue, ClipValue] after each D update (positive); not set:
    /// 0.01 for Wasserstein, else no clipping.</summary>
    public double ClipValue { get; set; } = double.NaN;

    /// <summary>The WGAN-GP lambda (0 or more); not set: 10 for WassersteinGP, else 0 (off).</summary>
    public double GradientPenalty { get; set; } = double.NaN;

    /// <summary>The R1 gamma: gamma / 2 * ||grad D(x)||^2 on real samples added to D's loss, for any loss; 0: off.</summary>
    public double R1Penalty { get; set; }

    /// <summary>One-sided label smoothing: D's target for real samples becomes 1 - LabelSmoothing (0.1: target 0.9);
    /// in [0, 1), for NonSaturating, Minimax and LeastSquares; 0: off.</summary>
    public double LabelSmoothing { get; set; }

    /// <summary>Decay of an exponential moving average of G's weights that Sample and the sample pictures use, in
    /// [0, 1); 0: off. The average starts as G's initial weights and still holds d^t of them after t updates (0.999:
    /// 39 % after 937 steps, 6 % after 2,811), so it pays only in runs many times longer than 1 / (1 - d) steps, unless
    /// EmaWarmup is set.</summary>
    public double EmaDecay { get; set; }

    /// <summary>Warm the moving average up: after G's t-th update it decays by min(EmaDecay, (1 + t) / (10 + t))
    /// instead of EmaDecay (TensorFlow's ExponentialMovingAverage with num_updates), so it follows G closely at first
    /// and forgets G's random initial weights: it spans about the last t / 9 updates until that reaches 1 / (1 - EmaDecay).
    /// Needs EmaDecay > 0. The update count is checkpointed, so a resumed run continues the same schedule.</summary>
    public bool EmaWarmup { get; set; }

    /// <summary>The last fraction of a run's step budget (Fit's epochs, or maxSteps when that comes first) over which
    /// both learning rates fall linearly towards 0, in [0, 1]: 1 decays from the first step, 0.5 keeps the rates for
    /// the first half (pix2pix, CycleGAN); 0: off. A run stopped early by a wall-clock budget stops partway down.</summary>
    public double LearningRateDecay { get; set; }

    /// <summary>Weight of an auxiliary classification loss (AC-GAN) for a conditional pair whose D ends in
    /// [ProjectLabel]: the projection's label embeddings, read as class logits (h . e_c for every class c, the "dual
    /// projection" of Han et al. 2021), learn to classify real samples by their labels, and G is rewarded when its
    /// samples are classified as the labels it was given; each cross-entropy times this weight joins that network's
    /// loss. 0: off.</summary>
    public double AuxiliaryClassifierWeight { get; set; }

    /// <summary>Weight of the mode-seeking loss (MSGAN, Mao et al. 2019) against a generator that ignores its noise:
    /// G's batch is drawn as pairs (an odd batch size rounded up; one label per pair for a conditional pair), and G adds
    /// w / (r + 1e-5), where r = mean|G(z1) - G(z2)| / mean|z1 - z2| over the pairs, so samples must move when the
    /// noise does; the metric column g_diversity holds r. 0: off.</summary>
    public double ModeSeekingWeight { get; set; }

    /// <summary>Initialise conv, transposed-conv and dense weights from N(0, 0.02) and BatchNorm from N(1, 0.02), as in the DCGAN paper.</summary>
    public bool DcganInit { get; set; }
}
