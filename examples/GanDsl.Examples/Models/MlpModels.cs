using GanDsl;

namespace GanDsl.Examples.Models;

// The MLP GAN from the seeds (Fashion-MNIST, latent 100, LeakyReLU 0.2, Dropout 0.3).
[GanGenerator(LatentDim = 100)]
[Dense(256), LeakyReLU(0.2)]
[Dense(512), LeakyReLU(0.2)]
[Dense(1024), LeakyReLU(0.2)]
[Dense(28 * 28), Tanh]
[Reshape(1, 28, 28)]
public partial class MlpGenerator { }

[GanDiscriminator(1, 28, 28)]
[Flatten]
[Dense(1024), LeakyReLU(0.2), Dropout(0.3)]
[Dense(512), LeakyReLU(0.2), Dropout(0.3)]
[Dense(256), LeakyReLU(0.2), Dropout(0.3)]
[Dense(1)]
public partial class MlpDiscriminator { }

[Gan(typeof(MlpGenerator), typeof(MlpDiscriminator), Loss = GanLoss.NonSaturating, LearningRate = 2e-4, Beta1 = 0.5)]
public partial class FashionMlpGan { }
