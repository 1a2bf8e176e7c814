using GanDsl;

namespace GanDsl.Examples.Models;

// The seed DCGAN (Keras): 7x7x256 -> transposed convolutions -> 28x28x1.
[GanGenerator(LatentDim = 100)]
[Dense(7 * 7 * 256, Bias = false), BatchNorm, LeakyReLU(0.3)]
[Reshape(256, 7, 7)]
[ConvTranspose2d(128, Kernel = 5, Stride = 1, Same = true, Bias = false), BatchNorm, LeakyReLU(0.3)]
[ConvTranspose2d(64, Kernel = 5, Stride = 2, Same = true, Bias = false), BatchNorm, LeakyReLU(0.3)]
[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true, Bias = false), Tanh]
public partial class DcganGenerator { }

[GanDiscriminator(1, 28, 28)]
[Conv2d(64, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.3), Dropout(0.3)]
[Conv2d(128, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.3), Dropout(0.3)]
[Flatten]
[Dense(1)]
public partial class DcganDiscriminator { }

[Gan(typeof(DcganGenerator), typeof(DcganDiscriminator), LearningRate = 1e-4, Beta1 = 0.5, DcganInit = true)]
public partial class FashionDcgan { }
