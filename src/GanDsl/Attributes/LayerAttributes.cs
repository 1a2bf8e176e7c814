using System;

namespace GanDsl;

// Layer attributes: their order in source is the order in which the network computes (each reads the value the
// previous one produced, unless it names another: Concat, Add). Shapes are PyTorch's (C, H, W) or (N), always without
// the batch dimension.

/// <summary>Base of every layer attribute.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute { }

/// <summary>Fully connected layer; needs a flat (rank 1) input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : LayerAttribute
{
    public DenseAttribute(int units) => Units = units;
    public int Units { get; }
    public bool Bias { get; set; } = true;
    /// <summary>Divide the weight by its largest singular value (spectral normalisation, one power iteration per
    /// training forward): <see cref="Layers.SpectralNormLinear"/>.</summary>
    public bool SpectralNorm { get; set; }
}

/// <summary>2-D convolution over a (C, H, W) input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute : LayerAttribute
{
    /// <param name="outChannels">Output channels, or <see cref="Channels.Same"/> for as many as the input has.</param>
    public Conv2dAttribute(int outChannels) => OutChannels = outChannels;
    public int OutChannels { get; }
    /// <summary>Square kernel size; required.</summary>
    public int Kernel { get; set; }
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    /// <summary>Keras 'same': output size = ceil(input / stride). Do not combine with Padding.</summary>
    public bool Same { get; set; }
    public bool Bias { get; set; } = true;
    /// <summary>Spectral normalisation of the weight: <see cref="Layers.SpectralNormConv2d"/>.</summary>
    public bool SpectralNorm { get; set; }
}

/// <summary>2-D transposed convolution over a (C, H, W) input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConvTranspose2dAttribute : LayerAttribute
{
    /// <param name="outChannels">Output channels, or <see cref="Channels.Same"/> for as many as the input has.</param>
    public ConvTranspose2dAttribute(int outChannels) => OutChannels = outChannels;
    public int OutChannels { get; }
    /// <summary>Square kernel size; required.</summary>
    public int Kernel { get; set; }
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    public int OutputPadding { get; set; }
    /// <summary>Keras 'same': output size = input * stride. Do not combine with Padding or OutputPadding.</summary>
    public bool Same { get; set; }
    public bool Bias { get; set; } = true;
    /// <summary>Spectral normalisation of the weight: <see cref="Layers.SpectralNormConvTranspose2d"/>.</summary>
    public bool SpectralNorm { get; set; }
}

/// <summary>Batch normalisation; 1-d for flat inputs, 2-d for (C, H, W). Momentum has PyTorch's meaning.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormAttribute : LayerAttribute
{
    public double Momentum { get; set; } = 0.1;
    public double Eps { get; set; } = 1e-5;
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LeakyReLUAttribute : LayerAttribute
{
    public LeakyReLUAttribute(double slope = 0.01) => Slope = slope;
    public double Slope { get; }
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReLUAttribute : LayerAttribute { }

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TanhAttribute : LayerAttribute { }

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SigmoidAttribute : LayerAttribute { }

/// <summary>Zeroes each element with probability p while training.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : LayerAttribute
{
    public DropoutAttribute(double p) => P = p;
    public double P { get; }
}

/// <summary>Reshapes each sample to the given shape; the element count must not change.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReshapeAttribute : LayerAttribute
{
    public ReshapeAttribute(params int[] shape) => Shape = shape;
    public int[] Shape { get; }
}

/// <summary>Flattens each sample to a vector.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute { }

/// <summary>Nearest-neighbour upsampling of H and W by an integer factor.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpsampleAttribute : LayerAttribute
{
    public UpsampleAttribute(int scale) => Scale = scale;
    public int Scale { get; }
}

/// <summary>Pads H and W with zeros.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ZeroPad2dAttribute : LayerAttribute
{
    public ZeroPad2dAttribute(int left, int right, int top, int bottom)
    {
        Left = left; Right = right; Top = top; Bottom = bottom;
    }
    public int Left { get; }
    public int Right { get; }
    public int Top { get; }
    public int Bottom { get; }
}

/// <summary>Layer normalisation over the whole sample (every dimension but the batch), with a learned scale and
/// shift per element: 2 * (element count) parameters.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormAttribute : LayerAttribute
{
    public double Eps { get; set; } = 1e-5;
}

/// <summary>Instance normalisation of each channel of each (C, H, W) sample, as PyTorch's InstanceNorm2d: no running
/// statistics, and by default no learned scale and shift (<see cref="Affine"/> adds 2 * C parameters).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InstanceNormAttribute : LayerAttribute
{
    public double Eps { get; set; } = 1e-5;
    public bool Affine { get; set; }
}

/// <summary>Pads H and W by mirroring the image at its edges (without repeating the edge); each padding must be
/// smaller than the side it pads.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReflectionPad2dAttribute : LayerAttribute
{
    public ReflectionPad2dAttribute(int padding) => Padding = padding;
    public int Padding { get; }
}

/// <summary>Sub-pixel upsampling: (C * r * r, H, W) -> (C, H * r, W * r).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PixelShuffleAttribute : LayerAttribute
{
    public PixelShuffleAttribute(int factor) => Factor = factor;
    public int Factor { get; }
}

/// <summary>Leaky ReLU with a learned slope: one slope shared by every element (PyTorch's default), initialised to
/// <see cref="Init"/>. One parameter.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PReLUAttribute : LayerAttribute
{
    public double Init { get; set; } = 0.25;
}

/// <summary>Average pooling over k x k windows with stride k: (C, H, W) -> (C, floor(H / k), floor(W / k)).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AvgPool2dAttribute : LayerAttribute
{
    public AvgPool2dAttribute(int kernel) => Kernel = kernel;
    public int Kernel { get; }
}

/// <summary>Sums each channel over H and W: (C, H, W) -> (C).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalSumPoolAttribute : LayerAttribute { }

/// <summary>Averages each channel over H and W: (C, H, W) -> (C).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalAvgPoolAttribute : LayerAttribute { }
