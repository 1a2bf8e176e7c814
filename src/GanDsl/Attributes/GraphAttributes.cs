using System;

namespace GanDsl;

// Attributes that make a network a graph rather than a chain. Names are local to the class (or block) they are
// written on; "input" always names the network's (or block's) input.

/// <summary>Names the current value (the output of the layer before it), so a later <see cref="ConcatAttribute"/> or
/// <see cref="AddAttribute"/> can read it. Computes nothing.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TapAttribute : LayerAttribute
{
    public TapAttribute(string name) => Name = name;
    public string Name { get; }
}

/// <summary>Concatenates a named value to the current one: on the channel axis for images (their H x W must agree),
/// on the feature axis for flat vectors.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConcatAttribute : LayerAttribute
{
    public ConcatAttribute(string name) => Name = name;
    public string Name { get; }
}

/// <summary>Adds a named value to the current one (a skip or residual connection); the shapes must be equal.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AddAttribute : LayerAttribute
{
    public AddAttribute(string name) => Name = name;
    public string Name { get; }
}

/// <summary>Runs the layers of a <see cref="GanBlockAttribute"/> class here, <see cref="Repeat"/> times in a row, each
/// time with its own weights. The block's shapes are inferred from the value it receives at this use.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BlockAttribute : LayerAttribute
{
    public BlockAttribute(Type block) => Block = block;
    public Type Block { get; }
    /// <summary>How many copies run one after the other (1 to 1000).</summary>
    public int Repeat { get; set; } = 1;
}

/// <summary>Appends a learned embedding of each sample's class label (conditional GAN): (N) -> (N + dim); on an
/// image (C, H, W) -> (C + dim, H, W), the embedding broadcast over H x W. Needs <c>Classes</c> on the role
/// attribute; Classes * dim parameters.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConcatLabelAttribute : LayerAttribute
{
    public ConcatLabelAttribute(int dim) => Dim = dim;
    public int Dim { get; }
}

/// <summary>Batch normalisation whose gain and bias are learned per class (conditional batch norm, as in the generators
/// of SNGAN's projection paper and BigGAN): y = BN(x) * (1 + gain[label]) + bias[label], per feature of a flat input or
/// per channel of an image. Needs <c>Classes</c>; 2 * Classes * (N or C) parameters, starting as plain batch norm.
/// Momentum and Eps as <see cref="BatchNormAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConditionalBatchNormAttribute : LayerAttribute
{
    public double Momentum { get; set; } = 0.1;
    public double Eps { get; set; } = 1e-5;
}

/// <summary>The last layer of a projection discriminator: features (F) -> one logit (1), Dense(1)(h) + &lt;embed(label), h&gt;.
/// Needs <c>Classes</c>; F + 1 + Classes * F parameters. <see cref="SpectralNorm"/> normalises the dense layer and the
/// embedding.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ProjectLabelAttribute : LayerAttribute
{
    public bool SpectralNorm { get; set; }
}
