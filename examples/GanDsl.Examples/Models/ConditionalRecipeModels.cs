using GanDsl;

namespace GanDsl.Examples.Models;

// cdcgan-ema: the cdcgan pair with two options for a fixed, longer budget (README): samples come from a moving average
// of G's weights (EmaDecay 0.999, as BigGAN samples), and both rates fall linearly to 0 over the run
// (LearningRateDecay = 1), so the last steps refine instead of wandering between classes.
[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, EmaDecay = 0.999, LearningRateDecay = 1)]
public partial class FashionCdcganEma { }
