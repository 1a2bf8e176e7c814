using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ConvTranspose2d(out, Kernel = k, Stride = s, Padding = p, OutputPadding = op)]: (C, H, W) ->
/// (out, (H - 1)s - 2p + k + op, ...); Same = true gives H * s. <see cref="OutChannels"/> may be Channels.Same (-1).</summary>
internal sealed record ConvTranspose2d(long OutChannels, long Kernel, long Stride = 1, long Padding = 0, bool PaddingSet = false,
    long OutputPadding = 0, bool OutputPaddingSet = false, bool Same = false, bool Bias = true, bool SpectralNorm = false) : LayerOp
{
    public override string Display => Invariant($"ConvTranspose2d({ConvRules.Channels(OutChannels)}, Kernel = {Kernel}{ConvRules.Tail(Stride, PaddingSet, Padding, OutputPaddingSet, OutputPadding, Same, Bias, SpectralNorm)})");

    public override string Stem => "deconv";

    public override IEnumerable<Invalid> Validate() =>
        ConvRules.Validate(OutChannels, Kernel, Stride, Padding, PaddingSet, Same, transposed: true, OutputPadding, OutputPaddingSet);

    /// <summary>The plan, or null when 'same' has no padding that gives it.</summary>
    public ConvPlan? Plan => ConvArithmetic.ConvTranspose2dPlan(Kernel, Stride, Padding, OutputPadding, Same);

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 3) return RankRules.NeedsImage(input, this, context);
        var plan = Plan;
        if (plan is null)
        {
            long target = checked(input[1] * Stride);
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: 'same' needs output = {input[1]} * {Stride} = {target}, but ({input[1]} - 1)*{Stride} - 2*p + {Kernel} + op = {target} has no solution with p >= 0 and 0 <= op < stride {Stride}; use an odd Kernel or Stride > 1"));
        }
        long h = ConvArithmetic.ConvTranspose2dOutput(input[1], Kernel, Stride, plan.PaddingH, plan.OutputPadding);
        long w = ConvArithmetic.ConvTranspose2dOutput(input[2], Kernel, Stride, plan.PaddingW, plan.OutputPadding);
        if (h < 1 || w < 1)
        {
            bool height = h < 1;
            long size = height ? input[1] : input[2];
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: output {(height ? "height" : "width")} = ({size} - 1)*{Stride} - 2*{plan.PaddingH} + {Kernel} + {plan.OutputPadding} = {(height ? h : w)}, less than 1"));
        }
        long outChannels = ConvRules.Resolve(OutChannels, input);
        return Inferred.Ok(new Shape(outChannels, h, w), checked(input[0] * outChannels * Kernel * Kernel + (Bias ? outChannels : 0)));
    }

    public override LayerCode Code(Shape input, LayerContext context)
    {
        var plan = Plan!;
        long outChannels = ConvRules.Resolve(OutChannels, input);
        string arguments = Invariant($"(in_channels: {input[0]}, out_channels: {outChannels}, kernel_size: {Kernel}, stride: {Stride}, padding: {plan.PaddingH}, output_padding: {plan.OutputPadding}, bias: {OpText.Bool(Bias)})");
        return SpectralNorm
            ? new(Names.Layers + ".SpectralNormConvTranspose2d", "new " + Names.Layers + ".SpectralNormConvTranspose2d" + arguments, "SN-ConvTranspose2d")
            : new(Names.Modules + ".ConvTranspose2d", Names.Nn + ".ConvTranspose2d" + arguments, "ConvTranspose2d");
    }
}
