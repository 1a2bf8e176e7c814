using System;

namespace GanDsl;

/// <summary>Marks a partial class as a generator network: latent vector in, image out.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanGeneratorAttribute : Attribute
{
    /// <summary>Size of the latent noise vector fed to the first layer.</summary>
    public int LatentDim { get; set; } = 100;
}

/// <summary>Marks a partial class as a discriminator network; the arguments are its input shape (C, H, W) or (N) without the batch dimension.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanDiscriminatorAttribute : Attribute
{
    public GanDiscriminatorAttribute(params int[] inputShape) => InputShape = inputShape;

    public int[] InputShape { get; }
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
