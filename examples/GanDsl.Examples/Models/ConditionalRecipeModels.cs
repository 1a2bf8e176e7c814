using GanDsl;

namespace GanDsl.Examples.Models;

// cdcgan-decay: the cdcgan pair with both learning rates falling linearly to 0 over the run (LearningRateDecay = 1),
// so that its last steps refine the classes instead of wandering between them (README).
[Gan(typeof(CdcganGenerator), typeof(CdcganDiscriminator), Loss = GanLoss.Hinge, LearningRateDecay = 1)]
public partial class FashionCdcganDecay { }
