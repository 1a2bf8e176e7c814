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

// One misfit for each code fix; tools/GanDsl.IdeCheck applies the fix in the workspace and recompiles.
[GanGenerator(LatentDim = 16)]
[Dense(784), Tanh, Reshape(1, 28, 27)]
public partial class TypoGenerator { }

[GanDiscriminator(1, 28, 28)]
[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2), Dense(1)]
public partial class UnflattenedDiscriminator { }

[GanDiscriminator(1, 28, 28)]
[Conv2d(8, Kernel = 3, Padding = 1, Same = true), Flatten, Dense(1)]
public partial class DoublyPaddedDiscriminator { }

public static class Program
{
    public static void Main() { }
}

// GAN001 whose counts fit: the fix ends the generator with the Reshape (in the generator's class, not the [Gan]).
[GanGenerator(LatentDim = 16)]
[Dense(64), Tanh]
public partial class FlatGenerator { }

[GanDiscriminator(1, 8, 8)]
[Flatten, Dense(1)]
public partial class ImageDiscriminator { }

[Gan(typeof(FlatGenerator), typeof(ImageDiscriminator))]
public partial class FlatMisfit { }

// GAN004 right after the latent vector: the fix inserts the DCGAN layout, [Reshape(32, 1, 1)].
[GanGenerator(LatentDim = 32)]
[ConvTranspose2d(8, Kernel = 4), ReLU]
[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]
public partial class LatentConvGenerator { }
