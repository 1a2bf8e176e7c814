using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>
/// <c>nn.ConvTranspose2d</c> with a spectrally normalised weight: (B, in_channels, H, W) -> (B, out_channels, H', W'),
/// H' = (H - 1) stride - 2 padding + dilation (kernel - 1) + output_padding + 1 as for ConvTranspose2d. The weight
/// (in_channels, out_channels / groups, kH, kW) is the matrix (out_channels / groups, rest) (dim 1, as PyTorch's
/// spectral_norm does for transposed convolutions).
/// Parameters: in_channels * out_channels / groups * kH * kW + (bias ? out_channels : 0); buffers weight_u
/// (out_channels / groups) and weight_v (in_channels * kH * kW).
/// state_dict keys: <c>bias</c>, <c>weight_orig</c>, <c>weight_u</c>, <c>weight_v</c>.
/// </summary>
/// <remarks>The constructors mirror <c>torch.nn.ConvTranspose2d</c>'s (same parameter names; only zero padding, as there).</remarks>
public sealed class SpectralNormConvTranspose2d : SpectralNormLayer
{
    private readonly long[] _stride;
    private readonly long[] _padding;
    private readonly long[] _outputPadding;
    private readonly long[] _dilation;

    /// <summary>Square kernel; as <c>nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding, output_padding, dilation, groups: groups, bias: bias)</c>.</summary>
    public SpectralNormConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                                       long output_padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(in_channels, out_channels, Pair(kernel_size), Pair(stride), Pair(padding), Pair(output_padding), Pair(dilation), groups, bias)
    {
    }

    /// <summary>Per-axis (height, width) values; as the tuple overload of <c>nn.ConvTranspose2d</c>.</summary>
    public SpectralNormConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                                       (long, long)? padding = null, (long, long)? output_padding = null,
                                       (long, long)? dilation = null, long groups = 1, bool bias = true)
        : this(in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)),
               Pair(output_padding ?? (0, 0)), Pair(dilation ?? (1, 1)), groups, bias)
    {
    }

    // Arrays are (height, width).
    private SpectralNormConvTranspose2d(long in_channels, long out_channels, long[] kernel, long[] stride, long[] padding,
                                        long[] outputPadding, long[] dilation, long groups, bool bias)
        : base(nameof(SpectralNormConvTranspose2d), () => Plain(in_channels, out_channels, kernel, stride, outputPadding, dilation, groups, bias), dim: 1)
    {
        InChannels = in_channels;
        OutChannels = out_channels;
        _stride = stride;
        _padding = padding;
        _outputPadding = outputPadding;
        _dilation = dilation;
        Groups = groups;
    }

    private static long[] Pair(long both) => new[] { both, both };
    private static long[] Pair((long Height, long Width) value) => new[] { value.Height, value.Width };

    public long InChannels { get; }
    public long OutChannels { get; }
    public long Groups { get; }

    private static nn.Module Plain(long inChannels, long outChannels, long[] kernel, long[] stride, long[] outputPadding,
                                   long[] dilation, long groups, bool bias)
    {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups})", nameof(groups));
        if (!Fits(outputPadding[0], stride[0], dilation[0]) || !Fits(outputPadding[1], stride[1], dilation[1]))
            throw new ArgumentException($"output_padding ({outputPadding[0]}, {outputPadding[1]}) must be smaller than stride ({stride[0]}, {stride[1]}) or dilation ({dilation[0]}, {dilation[1]})", "output_padding");
        return nn.ConvTranspose2d(inChannels, outChannels, (kernel[0], kernel[1]), groups: groups, bias: bias);

        static bool Fits(long op, long s, long d) => op >= 0 && (op < s || op < d);
    }

    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) =>
        nn.functional.conv_transpose2d(input, weight, bias, _stride, _padding, _outputPadding, _dilation, Groups);
}
