using GanDsl;

namespace GanDsl.Tests.Training;

// A tiny class-conditional pair on TinyData's (1, 6, 6) images: concat conditioning in G, projection in D.
[GanGenerator(LatentDim = 4, Classes = 3)]
[ConcatLabel(3)]                   // (7)
[Dense(16), ReLU]
[Dense(36), Tanh]
[Reshape(1, 6, 6)]
public partial class TinyConditionalGenerator { }

[GanDiscriminator(1, 6, 6, Classes = 3)]
[Flatten]
[Dense(16), LeakyReLU(0.2)]
[ProjectLabel]
public partial class TinyConditionalDiscriminator { }

[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), LearningRate = 1e-3)]
public partial class TinyConditionalGan { }

// The same pair under WGAN-GP with two critic steps and a moving average: labels through the penalty, critic steps and EMA.
[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.WassersteinGP, LearningRate = 1e-3, DiscriminatorSteps = 2, EmaDecay = 0.9)]
public partial class TinyConditionalWgan { }

// The pair under the hinge loss, with and without the auxiliary classification loss read from ProjectLabel's embeddings.
[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.Hinge, LearningRate = 1e-3)]
public partial class TinyHingeConditionalGan { }

[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.Hinge, LearningRate = 1e-3, AuxiliaryClassifierWeight = 0.5)]
public partial class TinyAuxiliaryClassifierGan { }

// Every column at once: the penalties' columns come before the classification losses'.
[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.WassersteinGP, LearningRate = 1e-3, DiscriminatorSteps = 2,
    R1Penalty = 0.1, AuxiliaryClassifierWeight = 2)]
public partial class TinyPenalisedAuxiliaryClassifierGan { }

// The hinge pair with the mode-seeking loss (MSGAN), alone and with the auxiliary classifier (the column order).
[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.Hinge, LearningRate = 1e-3, ModeSeekingWeight = 0.5)]
public partial class TinyModeSeekingGan { }

[Gan(typeof(TinyConditionalGenerator), typeof(TinyConditionalDiscriminator), Loss = GanLoss.Hinge, LearningRate = 1e-3, AuxiliaryClassifierWeight = 0.5,
    ModeSeekingWeight = 2)]
public partial class TinyModeSeekingClassifierGan { }
