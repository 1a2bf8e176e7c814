using GanDsl;

[GanGenerator(LatentDim = 16)]
[Dense(49), Tanh]
[Reshape(1, 7, 7)]
public partial class SmallGenerator { }

[GanDiscriminator(1, 8, 8)]
[Flatten, Dense(1)]
public partial class BigDiscriminator { }

[Gan(typeof(SmallGenerator), typeof(BigDiscriminator))]
public partial class Misfit { }

// GAN008 is a warning by default; this project's .editorconfig makes it an error.
[GanDiscriminator(1, 7, 7)]
[Flatten, Dense(1), Sigmoid]
public partial class SquashedDiscriminator { }

public static class Program
{
    public static void Main() { }
}
