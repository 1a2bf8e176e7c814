using System;

namespace GanDsl;

// Layer attributes: their order in source is the order of the layer stack.
// Shapes are PyTorch's (C, H, W) or (N), always without the batch dimension.

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
}

/// <summary>2-D convolution over a (C, H, W) input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute : LayerAttribute
{
    public Conv2dAttribute(int outChannels) => OutChannels = outChannels;
    public int OutChannels { get; }
    /// <summary>Square kernel size; required.</summary>
    public int Kernel { get; set; }
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    /// <summary>Keras 'same': output size = ceil(input / stride). Do not combine with Padding.</summary>
    public bool Same { get; set; }
    public bool Bias { get; set; } = true;
}

/// <summary>2-D transposed convolution over a (C, H, W) input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConvTranspose2dAttribute : LayerAttribute
{
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
