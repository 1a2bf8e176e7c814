using GanDsl;

namespace GanDsl.Examples.Models;

// The seed DCGAN pair trained as WGAN-GP with its published recipe (Adam 1e-4, betas (0.5, 0.9), lambda 10, 5 critic
// steps): the second pair of the train-step benchmark (benchmarks/GanDsl.Benchmarks), against the same written by hand.
[Gan(typeof(DcganGenerator), typeof(DcganDiscriminator), Loss = GanLoss.WassersteinGP, DcganInit = true)]
public partial class FashionDcganWgangp { }
