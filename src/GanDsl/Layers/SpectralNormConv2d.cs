using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// <c>nn.Conv2d</c> with a spectrally normalised weight: (B, in_channels, H, W) -> (B, out_channels, H', W'),
/// H' = floor((H + 2 padding - dilation (kernel - 1) - 1) / stride) + 1 as for Conv2d. The weight
/// (out_channels, in_channels / groups, kH, kW) is the matrix (out_channels, rest) (dim 0).
/// Parameters: out_channels * in_channels / groups * kH * kW + (bias ? out_channels : 0); buffers weight_u
/// (out_channels) and weight_v (in_channels / groups * kH * kW).
/// state_dict keys: <c>bias</c>, <c>weight_orig</c>, <c>weight_u</c>, <c>weight_v</c>.
/// </summary>
/// <remarks>The constructors mirror <c>torch.nn.Conv2d</c>'s (same parameter names; padding modes other than
/// zeros are left out). As with TorchSharp, a literal <c>padding: 0</c> is ambiguous between the <c>long</c> and the
/// <see cref="Padding"/> overloads (CS0121): leave it out, it is the default.</remarks>
public sealed class SpectralNormConv2d : SpectralNormLayer
{
    private readonly long[] _stride;
    private readonly long[] _padding;
    private readonly Padding? _paddingType;
    private readonly long[] _dilation;

    /// <summary>Square kernel, symmetric padding; as <c>nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups: groups, bias: bias)</c>.</summary>
    public SpectralNormConv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                              long dilation = 1, long groups = 1, bool bias = true)
        : this(in_channels, out_channels, Pair(kernel_size), Pair(stride), Pair(padding), null, Pair(dilation), groups, bias)
    {
    }

    /// <summary>Per-axis (height, width) kernel, stride, padding and dilation; as the tuple overload of <c>nn.Conv2d</c>.</summary>
    public SpectralNormConv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                              (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true)
        : this(in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)), null, Pair(dilation ?? (1, 1)), groups, bias)
    {
    }

    /// <summary><see cref="Padding.Same"/> (stride 1 only, as PyTorch; even kernels pad one more on the bottom and right)
    /// or <see cref="Padding.Valid"/>; as <c>nn.Conv2d(in_channels, out_channels, kernel_size, padding: Padding.Same, ...)</c>.</summary>
    public SpectralNormConv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1,
                              long dilation = 1, long groups = 1, bool bias = true)
        : this(in_channels, out_channels, Pair(kernel_size), Pair(stride), Pair(0), padding, Pair(dilation), groups, bias)
    {
    }

    // Arrays are (height, width).
    private SpectralNormConv2d(long in_channels, long out_channels, long[] kernel, long[] stride, long[] padding,
                               Padding? paddingType, long[] dilation, long groups, bool bias)
        : base(nameof(SpectralNormConv2d), () => Plain(in_channels, out_channels, kernel, stride, paddingType, groups, bias), dim: 0)
    {
        InChannels = in_channels;
        OutChannels = out_channels;
        _stride = stride;
        _padding = padding;
        _paddingType = paddingType;
        _dilation = dilation;
        Groups = groups;
    }

    private static long[] Pair(long both) => new[] { both, both };
    private static long[] Pair((long Height, long Width) value) => new[] { value.Height, value.Width };

    public long InChannels { get; }
    public long OutChannels { get; }
    public long Groups { get; }

    private static nn.Module Plain(long inChannels, long outChannels, long[] kernel, long[] stride, Padding? paddingType,
                                   long groups, bool bias)
    {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups})", nameof(groups));
        if (paddingType == Padding.Same && (stride[0] != 1 || stride[1] != 1))
            throw new ArgumentException($"Padding.Same needs stride 1 (as in PyTorch), got stride ({stride[0]}, {stride[1]})", nameof(stride));
        return nn.Conv2d(inChannels, outChannels, (kernel[0], kernel[1]), groups: groups, bias: bias);
    }

    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) =>
        _paddingType is { } type
            ? nn.functional.conv2d_padding(input, weight, bias, _stride, type, _dilation, Groups)
            : nn.functional.conv2d(input, weight, bias, _stride, _padding, _dilation, Groups);
}
