using System;

namespace GanDsl;

/// <summary>Marks a partial class as a generator network: latent vector in, image out. With arguments, the generator
/// takes an image instead of noise (image-to-image): the arguments are its input shape, as for a discriminator.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanGeneratorAttribute : Attribute
{
    /// <param name="inputShape">Empty for a noise generator; the input image's (C, H, W) or (N) for an
    /// image-conditioned one.</param>
    public GanGeneratorAttribute(params int[] inputShape) => InputShape = inputShape;

    public int[] InputShape { get; }

    /// <summary>Size of the latent noise vector fed to the first layer (not for an image-conditioned generator).</summary>
    public int LatentDim { get; set; } = 100;

    /// <summary>Number of classes of a class-conditional generator (0: unconditional); its forward then also takes
    /// int64 labels, which label layers (<see cref="ConcatLabelAttribute"/>) read.</summary>
    public int Classes { get; set; }
}

/// <summary>Marks a partial class as a discriminator network; the arguments are its input shape (C, H, W) or (N) without the batch dimension.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanDiscriminatorAttribute : Attribute
{
    public GanDiscriminatorAttribute(params int[] inputShape) => InputShape = inputShape;

    public int[] InputShape { get; }

    /// <summary>Number of classes of a class-conditional discriminator (0: unconditional); its forward then also takes
    /// int64 labels, which <see cref="ConcatLabelAttribute"/> or <see cref="ProjectLabelAttribute"/> read.</summary>
    public int Classes { get; set; }
}

/// <summary>Marks a class whose layer attributes form a reusable block, used in networks with
/// <see cref="BlockAttribute"/>. Its shapes are inferred at each use; "input" names the value the block receives.
/// GanDsl generates nothing for the block class itself: each network that uses it gets a nested module per input shape.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanBlockAttribute : Attribute
{
}

/// <summary>Pairs a generator with a discriminator and declares how they are trained.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanAttribute : Attribute
{
    public GanAttribute(Type generator, Type discriminator)
    {
        Generator = generator;
        Discriminator = discriminator;
    }

    public Type Generator { get; }
    public Type Discriminator { get; }
    public GanLoss Loss { get; set; } = GanLoss.NonSaturating;
    public double LearningRate { get; set; } = 2e-4;
    public double Beta1 { get; set; } = 0.5;
    public double Beta2 { get; set; } = 0.999;
    /// <summary>Initialise conv, transposed-conv and dense weights from N(0, 0.02) and BatchNorm from N(1, 0.02), as in the DCGAN paper.</summary>
    public bool DcganInit { get; set; }
}
