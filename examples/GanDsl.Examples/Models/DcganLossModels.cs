using GanDsl;

namespace GanDsl.Examples.Models;

// The same pair under the other losses, for comparing losses at one budget (README): only what a loss's recipe needs
// changes. WGAN-GP keeps D as it is (no BatchNorm, so the per-sample penalty holds) with its published recipe:
// lambda 10, 5 critic steps, Adam 1e-4, betas (0.5, 0.9). Also the second pair of the train-step benchmark
// (benchmarks/GanDsl.Benchmarks), against the same step written by hand.
[Gan(typeof(DcganGenerator), typeof(DcganDiscriminator), Loss = GanLoss.WassersteinGP, DcganInit = true)]
public partial class FashionDcganWgangp { }

// Hinge+SN: spectral norm on every weight of D (SNGAN), hinge loss, SNGAN's recipe for a standard CNN (Adam 2e-4,
// betas (0.5, 0.999), one D step per G step).
[GanDiscriminator(1, 28, 28)]
[Conv2d(64, Kernel = 5, Stride = 2, Same = true, SpectralNorm = true), LeakyReLU(0.3), Dropout(0.3)]
[Conv2d(128, Kernel = 5, Stride = 2, Same = true, SpectralNorm = true), LeakyReLU(0.3), Dropout(0.3)]
[Flatten]
[Dense(1, SpectralNorm = true)]
public partial class DcganSpectralNormDiscriminator { }

[Gan(typeof(DcganGenerator), typeof(DcganSpectralNormDiscriminator), Loss = GanLoss.Hinge, DcganInit = true)]
public partial class FashionDcganHingeSn { }
