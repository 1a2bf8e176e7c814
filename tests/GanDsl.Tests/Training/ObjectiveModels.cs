using GanDsl;

namespace GanDsl.Tests.Training;

// A linear critic D(x) = w.x + b on 3-D samples: grad_x D = w for every x, so the penalties have closed forms.
[GanGenerator(LatentDim = 2)]
[Dense(8), ReLU]
[Dense(3)]
public partial class LinearGenerator { }

[GanDiscriminator(3)]
[Dense(1)]
public partial class LinearCritic { }

// One [Gan] per loss with nothing else set: their constants must be the runtime's GanRecipe.
[Gan(typeof(LinearGenerator), typeof(LinearCritic))] public partial class RecipeNonSaturating { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.Minimax)] public partial class RecipeMinimax { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.Wasserstein)] public partial class RecipeWasserstein { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.WassersteinGP)] public partial class RecipeWassersteinGP { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.Hinge)] public partial class RecipeHinge { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.LeastSquares)] public partial class RecipeLeastSquares { }

// The options, each on its own.
[Gan(typeof(LinearGenerator), typeof(LinearCritic), LabelSmoothing = 0.1)] public partial class SmoothedGan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), R1Penalty = 10)] public partial class R1Gan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), EmaDecay = 0.9)] public partial class EmaGan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), EmaDecay = 0.3, EmaWarmup = true)] public partial class WarmEmaGan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), GeneratorLearningRate = 1e-4, DiscriminatorLearningRate = 4e-4)] public partial class TturGan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), DiscriminatorSteps = 3)] public partial class ThreeCriticStepsGan { }
[Gan(typeof(LinearGenerator), typeof(LinearCritic), Loss = GanLoss.WassersteinGP, R1Penalty = 1, EmaDecay = 0.99)] public partial class EverythingGan { }

// TinyGan's networks with other losses: the same sections, other metric columns (or optimizer kinds).
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), Loss = GanLoss.Hinge, LearningRate = 1e-3)] public partial class TinyHingeGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), LearningRate = 1e-3, EmaDecay = 0.9)] public partial class TinyEmaGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), LearningRate = 1e-3, EmaDecay = 0.9, EmaWarmup = true)] public partial class TinyWarmEmaGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), Loss = GanLoss.Wasserstein, Optimizer = GanOptimizer.RmsProp, LearningRate = 1e-3, DiscriminatorSteps = 1)] public partial class TinyRmsPropGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), Loss = GanLoss.WassersteinGP, LearningRate = 1e-3, DiscriminatorSteps = 3)] public partial class TinyCriticGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 4e-3, LearningRateDecay = 1)] public partial class TinyDecayGan { }
[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 4e-3)] public partial class TinyTturGan { }
