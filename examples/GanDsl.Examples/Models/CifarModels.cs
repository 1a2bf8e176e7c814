using GanDsl;

namespace GanDsl.Examples.Models;

// The seed PyTorch CIFAR-10 pair: upsample + conv generator, strided conv discriminator.
[GanGenerator(LatentDim = 100)]
[Dense(128 * 8 * 8), ReLU]
[Reshape(128, 8, 8)]
[Upsample(2)]
[Conv2d(128, Kernel = 3, Padding = 1), BatchNorm(Momentum = 0.78), ReLU]
[Upsample(2)]
[Conv2d(64, Kernel = 3, Padding = 1), BatchNorm(Momentum = 0.78), ReLU]
[Conv2d(3, Kernel = 3, Padding = 1), Tanh]
public partial class CifarGenerator { }

[GanDiscriminator(3, 32, 32)]
[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2), Dropout(0.25)]
[Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), ZeroPad2d(0, 1, 0, 1), BatchNorm(Momentum = 0.82), LeakyReLU(0.25), Dropout(0.25)]
[Conv2d(128, Kernel = 3, Stride = 2, Padding = 1), BatchNorm(Momentum = 0.82), LeakyReLU(0.2), Dropout(0.25)]
[Conv2d(256, Kernel = 3, Stride = 1, Padding = 1), BatchNorm(Momentum = 0.8), LeakyReLU(0.25), Dropout(0.25)]
[Flatten]
[Dense(1)]
public partial class CifarDiscriminator { }

[Gan(typeof(CifarGenerator), typeof(CifarDiscriminator), LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.999)]
public partial class CifarDcgan { }
