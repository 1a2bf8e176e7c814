using GanDsl;

namespace GanDsl.Tests.Graphs;

// The networks issue #9 makes declarable, small enough for CPU tests. GraphModuleTests runs each of them; the
// snapshot tests pin the generated code of the conditional pair, the U-Net and the ResNet generator.

// A conditional MLP pair: the label enters as a learned embedding concatenated to the input.
[GanGenerator(LatentDim = 64, Classes = 10)]
[ConcatLabel(16)]                                   // (80)
[Dense(128), LeakyReLU(0.2)]
[Dense(256), LeakyReLU(0.2)]
[Dense(28 * 28), Tanh]
[Reshape(1, 28, 28)]
public partial class ConditionalMlpGenerator { }

[GanDiscriminator(1, 28, 28, Classes = 10)]
[ConcatLabel(1)]                                    // (2, 28, 28): the embedding broadcast over H x W
[Flatten]
[Dense(256), LeakyReLU(0.2), Dropout(0.3)]
[Dense(1)]
public partial class ConditionalMlpDiscriminator { }

// A conditional DCGAN-style discriminator with spectral norm and a projection output.
[GanDiscriminator(1, 28, 28, Classes = 10)]
[Conv2d(32, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.2)]   // (32, 14, 14)
[Conv2d(64, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.2)]   // (64, 7, 7)
[GlobalSumPool]                                                                          // (64)
[ProjectLabel(SpectralNorm = true)]                                                      // (1)
public partial class ProjectionDiscriminator { }

// A 28x28 U-Net: two encoder activations concatenated into the decoder.
[GanGenerator(1, 28, 28)]
[Conv2d(16, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2), Tap("e1")]                  // (16, 14, 14)
[Conv2d(32, Kernel = 4, Stride = 2, Padding = 1), BatchNorm, LeakyReLU(0.2), Tap("e2")]       // (32, 7, 7)
[Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), BatchNorm, LeakyReLU(0.2)]                  // (64, 4, 4)
[ConvTranspose2d(32, Kernel = 3, Stride = 2, Padding = 1), BatchNorm, ReLU, Concat("e2")]     // (64, 7, 7)
[ConvTranspose2d(16, Kernel = 4, Stride = 2, Padding = 1), BatchNorm, ReLU, Concat("e1")]     // (32, 14, 14)
[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]                               // (1, 28, 28)
public partial class UNetGenerator { }

// CycleGAN's residual block: its width is whatever reaches it.
[GanBlock]
[ReflectionPad2d(1), Conv2d(Channels.Same, Kernel = 3), InstanceNorm, ReLU]
[ReflectionPad2d(1), Conv2d(Channels.Same, Kernel = 3), InstanceNorm, Add("input")]
public partial class ResidualBlock { }

// A CycleGAN-style ResNet generator: down, six residual blocks, up.
[GanGenerator(1, 28, 28)]
[ReflectionPad2d(3), Conv2d(16, Kernel = 7), InstanceNorm, ReLU]                                      // (16, 28, 28)
[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), InstanceNorm, ReLU]                                 // (32, 14, 14)
[Conv2d(64, Kernel = 3, Stride = 2, Padding = 1), InstanceNorm, ReLU]                                 // (64, 7, 7)
[Block(typeof(ResidualBlock), Repeat = 6)]
[ConvTranspose2d(32, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1), InstanceNorm, ReLU]     // (32, 14, 14)
[ConvTranspose2d(16, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1), InstanceNorm, ReLU]     // (16, 28, 28)
[ReflectionPad2d(3), Conv2d(1, Kernel = 7), Tanh]                                                     // (1, 28, 28)
public partial class ResNetGenerator { }

// SRGAN's residual block (BatchNorm, PReLU).
[GanBlock]
[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, PReLU]
[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, Add("input")]
public partial class SrResidualBlock { }

// An SRGAN-style generator, 14x14 -> 28x28: residual blocks inside a long skip, then a PixelShuffle upsampler.
[GanGenerator(1, 14, 14)]
[Conv2d(32, Kernel = 9, Padding = 4), PReLU, Tap("skip")]          // (32, 14, 14)
[Block(typeof(SrResidualBlock), Repeat = 4)]
[Conv2d(32, Kernel = 3, Padding = 1), BatchNorm, Add("skip")]      // (32, 14, 14)
[Conv2d(128, Kernel = 3, Padding = 1), PixelShuffle(2), PReLU]     // (32, 28, 28)
[Conv2d(1, Kernel = 9, Padding = 4), Tanh]                         // (1, 28, 28)
public partial class SrGenerator { }

// A 28x28 PatchGAN discriminator on a (source, target) pair concatenated on the channel axis: one logit per 7x7 patch.
#pragma warning disable GAN010 // a patch map is what a PatchGAN outputs
[GanDiscriminator(2, 28, 28)]
[Conv2d(32, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)]                    // (32, 14, 14)
[Conv2d(64, Kernel = 4, Stride = 2, Padding = 1), InstanceNorm, LeakyReLU(0.2)]      // (64, 7, 7)
[Conv2d(1, Kernel = 3, Padding = 1)]                                                  // (1, 7, 7)
public partial class PatchDiscriminator { }
#pragma warning restore GAN010
