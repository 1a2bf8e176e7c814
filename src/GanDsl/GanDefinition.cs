namespace GanDsl;

/// <summary>
/// What a [Gan] class declares, as the generator wrote it down: sizes and training options, every option resolved
/// (the loss's <see cref="GanRecipe"/> where the declaration left it unset). A definition written by hand gets the
/// non-saturating recipe's values for the options it does not set; GanModel checks every value when it is created.
/// </summary>
public sealed record GanDefinition(
    string Name,
    int LatentDim,
    TensorShape ImageShape,
    GanLoss Loss,
    double LearningRate,
    double Beta1,
    double Beta2,
    bool DcganInit)
{
    private readonly double? _generatorLearningRate;
    private readonly double? _discriminatorLearningRate;

    /// <summary>Adam (with Beta1, Beta2) or RMSprop, for both networks.</summary>
    public GanOptimizer Optimizer { get; init; } = GanOptimizer.Adam;

    /// <summary>G's learning rate (two time-scale update rule); LearningRate unless set.</summary>
    public double GeneratorLearningRate { get => _generatorLearningRate ?? LearningRate; init => _generatorLearningRate = value; }

    /// <summary>D's learning rate (two time-scale update rule); LearningRate unless set.</summary>
    public double DiscriminatorLearningRate { get => _discriminatorLearningRate ?? LearningRate; init => _discriminatorLearningRate = value; }

    /// <summary>Discriminator (critic) updates per generator update, each on its own real batch (n_critic).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>After each discriminator update, every discriminator weight is clamped to [-ClipValue, ClipValue]; 0: off.</summary>
    public double ClipValue { get; init; }

    /// <summary>The WGAN-GP lambda: lambda * (||grad D(x^)||_2 - 1)^2 added to D's loss; 0: off.</summary>
    public double GradientPenalty { get; init; }

    /// <summary>The R1 gamma: gamma / 2 * ||grad D(x)||^2 on real samples added to D's loss; 0: off.</summary>
    public double R1Penalty { get; init; }

    /// <summary>One-sided label smoothing: D's target for real samples is 1 - LabelSmoothing (0.1: target 0.9); 0: off.
    /// For the losses with targets (NonSaturating, Minimax, LeastSquares).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Decay of an exponential moving average of G's weights, updated after every G update and used by
    /// Sample and the sample pictures; 0: off.</summary>
    public double EmaDecay { get; init; }

    /// <summary>The moving average decays by min(EmaDecay, (1 + t) / (10 + t)) after G's t-th update instead of
    /// EmaDecay, so early averages do not hold G's initial weights; needs EmaDecay > 0.</summary>
    public bool EmaWarmup { get; init; }

    /// <summary>The last fraction of a run's step budget over which every learning rate falls linearly towards 0, in
    /// [0, 1]: 1 decays from the first step, 0.5 keeps the rates for the first half (as pix2pix and CycleGAN); 0: off.</summary>
    public double LearningRateDecay { get; init; }

    /// <summary>Weight of the auxiliary classification loss read from D's [ProjectLabel] embeddings (AC-GAN on a
    /// projection discriminator); 0: off. Needs a conditional pair.</summary>
    public double AuxiliaryClassifierWeight { get; init; }

    /// <summary>Weight of the mode-seeking loss (MSGAN): G's batch comes in pairs (one label per pair) and G adds
    /// w / (r + 1e-5), r = mean|G(z1) - G(z2)| / mean|z1 - z2|; 0: off.</summary>
    public double ModeSeekingWeight { get; init; }

    /// <summary>Number of classes of a class-conditional pair (both networks take labels; the data carries one per
    /// sample); 0: unconditional.</summary>
    public int Classes { get; init; }
}
