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

// PyTorch's DCGAN discriminator ends in a 4 x 4 convolution over a 4 x 4 map: one logit per sample as (1, 1, 1).
[GanGenerator(LatentDim = 8)]
[Reshape(8, 1, 1), ConvTranspose2d(8, Kernel = 3, Bias = false), BatchNorm, ReLU]
[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]
public partial class TinyConvGenerator { }

[GanDiscriminator(1, 6, 6)]
[Conv2d(8, Kernel = 3), LeakyReLU(0.2)]
[Conv2d(1, Kernel = 4)]
public partial class TinyOneLogitMapDiscriminator { }

[Gan(typeof(TinyConvGenerator), typeof(TinyOneLogitMapDiscriminator), LearningRate = 1e-3)]
public partial class TinyOneLogitMapGan { }

// Shares TinyGenerator with TinyGan but not its discriminator: a checkpoint of one must not half-load into the other.
[GanDiscriminator(1, 6, 6)]
[Flatten, Dense(24), LeakyReLU(0.2)]
[Dense(1)]
public partial class TinyWideDiscriminator { }

[Gan(typeof(TinyGenerator), typeof(TinyWideDiscriminator), LearningRate = 1e-3)]
public partial class TinySharedGeneratorGan { }
