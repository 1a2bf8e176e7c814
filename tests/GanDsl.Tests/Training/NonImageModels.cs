using GanDsl;

namespace GanDsl.Tests.Training;

// Generators whose output is not a 1- or 3-channel image: 2-D points and a 2-channel map.
[GanGenerator(LatentDim = 4)]
[Dense(16), ReLU]
[Dense(2)]
public partial class PointsGenerator { }

[GanDiscriminator(2)]
[Dense(16), LeakyReLU(0.2)]
[Dense(1)]
public partial class PointsDiscriminator { }

[Gan(typeof(PointsGenerator), typeof(PointsDiscriminator), LearningRate = 1e-3)]
public partial class PointsGan { }

[GanGenerator(LatentDim = 4)]
[Dense(2 * 4 * 4), Tanh]
[Reshape(2, 4, 4)]
public partial class TwoChannelGenerator { }

[GanDiscriminator(2, 4, 4)]
[Flatten, Dense(8), LeakyReLU(0.2)]
[Dense(1)]
public partial class TwoChannelDiscriminator { }

[Gan(typeof(TwoChannelGenerator), typeof(TwoChannelDiscriminator), LearningRate = 1e-3)]
public partial class TwoChannelGan { }
