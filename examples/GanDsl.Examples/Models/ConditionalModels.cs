using GanDsl;

namespace GanDsl.Examples.Models;

// cgan: the conditional GAN of Mirza and Osindero on Fashion-MNIST: the seeds' MLP pair, each network reading the
// class as a learned embedding concatenated to its input (concat conditioning), with the classic recipe
// (non-saturating loss, Adam 2e-4, beta1 0.5).
[GanGenerator(LatentDim = 100, Classes = 10)]
[ConcatLabel(50)]                                   // (150)
[Dense(256), LeakyReLU(0.2)]
[Dense(512), LeakyReLU(0.2)]
[Dense(1024), LeakyReLU(0.2)]
[Dense(28 * 28), Tanh]
[Reshape(1, 28, 28)]
public partial class CganGenerator { }

[GanDiscriminator(1, 28, 28, Classes = 10)]
[Flatten]                                           // (784)
[ConcatLabel(50)]                                   // (834)
[Dense(1024), LeakyReLU(0.2), Dropout(0.3)]
[Dense(512), LeakyReLU(0.2), Dropout(0.3)]
[Dense(256), LeakyReLU(0.2), Dropout(0.3)]
[Dense(1)]
public partial class CganDiscriminator { }

[Gan(typeof(CganGenerator), typeof(CganDiscriminator), Loss = GanLoss.NonSaturating, LearningRate = 2e-4, Beta1 = 0.5)]
public partial class FashionCgan { }

// cdcgan: a DCGAN-style conditional pair with a projection discriminator (Miyato and Koyama): spectral norm on every
// weight of D, the label entering D as an inner product with its pooled features, and the hinge loss (SNGAN's
// recipe for a standard CNN: Adam 2e-4, betas (0.5, 0.999), one D step per G step).
[GanGenerator(LatentDim = 100, Classes = 10)]
[ConcatLabel(50)]                                                                                  // (150)
[Dense(7 * 7 * 256, Bias = false), BatchNorm, ReLU]
[Reshape(256, 7, 7)]
[ConvTranspose2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false), BatchNorm, ReLU]         // (128, 14, 14)
[ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), BatchNorm, ReLU]          // (64, 28, 28)
[Conv2d(1, Kernel = 3, Padding = 1), Tanh]                                                         // (1, 28, 28)
public partial class CdcganGenerator { }

[GanDiscriminator(1, 28, 28, Classes = 10)]
[Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.1)]             // (64, 14, 14)
[Conv2d(128, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.1)]            // (128, 7, 7)
[Conv2d(256, Kernel = 3, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.1)]            // (256, 4, 4)
[GlobalSumPool]                                                                                    // (256)
[ProjectLabel(SpectralNorm = true)]                                                                // (1)
public partial class CdcganDiscriminator { }

[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge)]
public partial class FashionCdcgan { }
