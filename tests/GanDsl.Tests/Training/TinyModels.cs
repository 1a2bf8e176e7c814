using GanDsl;

namespace GanDsl.Tests.Training;

// Small enough for hundreds of steps per test, with BatchNorm (buffers) and Dropout (randomness) on board.
[GanGenerator(LatentDim = 8)]
[Dense(32), BatchNorm, ReLU]
[Dense(36), Tanh]
[Reshape(1, 6, 6)]
public partial class TinyGenerator { }

[GanDiscriminator(1, 6, 6)]
[Flatten, Dense(32), LeakyReLU(0.2), Dropout(0.2)]
[Dense(1)]
public partial class TinyDiscriminator { }

[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), LearningRate = 1e-3)]
public partial class TinyGan { }

[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator), Loss = GanLoss.Minimax, LearningRate = 1e-3, DcganInit = true)]
public partial class TinyMinimaxGan { }

// Shares TinyGenerator with TinyGan but not its discriminator: a checkpoint of one must not half-load into the other.
[GanDiscriminator(1, 6, 6)]
[Flatten, Dense(24), LeakyReLU(0.2)]
[Dense(1)]
public partial class TinyWideDiscriminator { }

[Gan(typeof(TinyGenerator), typeof(TinyWideDiscriminator), LearningRate = 1e-3)]
public partial class TinySharedGeneratorGan { }
