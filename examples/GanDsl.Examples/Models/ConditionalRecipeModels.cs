using GanDsl;

namespace GanDsl.Examples.Models;

// cdcgan-decay: the cdcgan pair with both learning rates falling linearly to 0 over the run (LearningRateDecay = 1),
// so that its last steps refine the classes instead of wandering between them (README).
[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, LearningRateDecay = 1)]
public partial class FashionCdcganDecay { }

// cdcgan-cbn: cdcgan with the class entering G through conditional batch norm instead of a concatenated embedding, as
// in the generators of the projection-discriminator paper (Miyato and Koyama) and BigGAN: every feature map's gain and
// bias are chosen by the class, so the label acts at every resolution rather than only at the input. D is cdcgan's.
[GanGenerator(LatentDim = 100, Classes = 10)]
[Dense(7 * 7 * 256, Bias = false)]                                                                 // (12544)
[Reshape(256, 7, 7), ConditionalBatchNorm, ReLU]
[ConvTranspose2d(128, Kernel = 4, Stride = 2, Padding = 1, Bias = false), ConditionalBatchNorm, ReLU]  // (128, 14, 14)
[ConvTranspose2d(64, Kernel = 4, Stride = 2, Padding = 1, Bias = false), ConditionalBatchNorm, ReLU]   // (64, 28, 28)
[Conv2d(1, Kernel = 3, Padding = 1), Tanh]                                                         // (1, 28, 28)
public partial class CdcganCbnGenerator { }

[Gan(typeof(CdcganCbnGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge)]
public partial class FashionCdcganCbn { }

// cdcgan-ac: cdcgan plus an auxiliary classification loss (AC-GAN) read from the projection's label embeddings (the
// "dual projection" of Han et al. 2021): D's embeddings learn to classify real samples, and G is rewarded when its
// samples are classified as the class it was asked for.
[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, AuxiliaryClassifierWeight = 1)]
public partial class FashionCdcganAc { }

// cdcgan-ms: cdcgan-ac plus the mode-seeking loss (MSGAN, Mao et al. 2019): G's batch comes in pairs with one label
// and two noise vectors, and G is penalised when a pair's images are close, so each class row stops being one image.
[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, AuxiliaryClassifierWeight = 1, ModeSeekingWeight = 1)]
public partial class FashionCdcganMs { }

// cdcgan-up: cdcgan-ac with a generator that upsamples (nearest) and then convolves instead of using transposed
// convolutions, whose uneven kernel overlap draws a checkerboard (Odena et al. 2016) that reads as a shirt's pattern.
[GanGenerator(LatentDim = 100, Classes = 10)]
[ConcatLabel(50)]                                                                                  // (150)
[Dense(7 * 7 * 256, Bias = false), BatchNorm, ReLU]
[Reshape(256, 7, 7)]
[Upsample(2)]                                                                                      // (256, 14, 14)
[Conv2d(128, Kernel = 3, Padding = 1, Bias = false), BatchNorm, ReLU]                              // (128, 14, 14)
[Upsample(2)]                                                                                      // (128, 28, 28)
[Conv2d(64, Kernel = 3, Padding = 1, Bias = false), BatchNorm, ReLU]                               // (64, 28, 28)
[Conv2d(1, Kernel = 3, Padding = 1), Tanh]                                                         // (1, 28, 28)
public partial class CdcganUpsampleGenerator { }

[Gan(typeof(CdcganUpsampleGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, AuxiliaryClassifierWeight = 1)]
public partial class FashionCdcganUp { }

[Gan(typeof(CdcganUpsampleGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, AuxiliaryClassifierWeight = 1, ModeSeekingWeight = 1)]
public partial class FashionCdcganUpMs { }
