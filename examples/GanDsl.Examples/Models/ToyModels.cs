using GanDsl;

namespace GanDsl.Examples.Models;

// The 2-D mode-collapse benchmark (ring of 8 and grid of 25 Gaussians, as in the PacGAN paper): an MLP pair on points.
// One [Gan] per loss with its published recipe; the option variants add one option to the non-saturating loss.
[GanGenerator(LatentDim = 16)]
[Dense(128), ReLU]
[Dense(128), ReLU]
[Dense(128), ReLU]
[Dense(2)]
public partial class ToyGenerator { }

[GanDiscriminator(2)]
[Dense(128), LeakyReLU(0.2)]
[Dense(128), LeakyReLU(0.2)]
[Dense(128), LeakyReLU(0.2)]
[Dense(1)]
public partial class ToyDiscriminator { }

[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.NonSaturating)] public partial class ToyNonSaturatingGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.Minimax)] public partial class ToyMinimaxGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.Wasserstein)] public partial class ToyWassersteinGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.WassersteinGP)] public partial class ToyWassersteinGpGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.Hinge)] public partial class ToyHingeGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), Loss = GanLoss.LeastSquares)] public partial class ToyLeastSquaresGan { }

[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), EmaDecay = 0.999)] public partial class ToyEmaGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), GeneratorLearningRate = 1e-4, DiscriminatorLearningRate = 4e-4)] public partial class ToyTturGan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), R1Penalty = 0.1)] public partial class ToyR1Gan { }
[Gan(typeof(ToyGenerator), typeof(ToyDiscriminator), LabelSmoothing = 0.1)] public partial class ToyLabelSmoothingGan { }
