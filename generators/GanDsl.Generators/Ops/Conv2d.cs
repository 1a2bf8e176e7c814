using System.Collections.Generic;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Conv2d(out, Kernel = k, Stride = s, Padding = p)]: (C, H, W) -> (out, floor((H + 2p - k) / s) + 1, ...);
/// Same = true gives ceil(H / s). <see cref="OutChannels"/> may be Channels.Same (-1): as many as the input has.</summary>
internal sealed record Conv2d(long OutChannels, long Kernel, long Stride = 1, long Padding = 0, bool PaddingSet = false,
    bool Same = false, bool Bias = true, bool SpectralNorm = false) : LayerOp
{
    public override string Display => Invariant($"Conv2d({ConvRules.Channels(OutChannels)}, Kernel = {Kernel}{ConvRules.Tail(Stride, PaddingSet, Padding, false, 0, Same, Bias, SpectralNorm)})");

    public override string Stem => "conv";

    public override IEnumerable<Invalid> Validate() =>
        ConvRules.Validate(OutChannels, Kernel, Stride, Padding, PaddingSet, Same, transposed: false, 0, false);

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 3) return RankRules.NeedsImage(input, this, context);
        var plan = ConvArithmetic.Conv2dPlan(Kernel, Stride, Padding, Same, input[1], input[2]);
        long h = ConvArithmetic.Conv2dOutput(input[1], plan.PaddingH, Kernel, Stride, plan.SameMode);
        long w = ConvArithmetic.Conv2dOutput(input[2], plan.PaddingW, Kernel, Stride, plan.SameMode);
        if (h < 1 || w < 1)
        {
            bool height = h < 1;
            long size = height ? input[1] : input[2];
            long padding = height ? plan.PaddingH : plan.PaddingW;
            return Inferred.Fail(ProblemCode.ImpossibleArithmetic,
                Invariant($"{Display} on input {input}: output {(height ? "height" : "width")} = floor(({size} + 2*{padding} - {Kernel}) / {Stride}) + 1 = {(height ? h : w)}, less than 1"));
        }
        long outChannels = ConvRules.Resolve(OutChannels, input);
        return Inferred.Ok(new Shape(outChannels, h, w), checked(input[0] * outChannels * Kernel * Kernel + (Bias ? outChannels : 0)));
    }

    public override LayerCode Code(Shape input, LayerContext context)
    {
        var plan = ConvArithmetic.Conv2dPlan(Kernel, Stride, Padding, Same, input[1], input[2]);
        long outChannels = ConvRules.Resolve(OutChannels, input);
        string factory = SpectralNorm ? "new " + Names.Layers + ".SpectralNormConv2d" : Names.Nn + ".Conv2d";
        string head = Invariant($"{factory}(in_channels: {input[0]}, out_channels: {outChannels}, ");
        string bias = OpText.Bool(Bias);
        string arguments;
        if (plan.SameMode)
            arguments = Invariant($"kernel_size: {Kernel}, padding: global::TorchSharp.Padding.Same, stride: 1, bias: {bias})");
        else if (plan.PaddingH != plan.PaddingW)
            arguments = Invariant($"kernel_size: ({Kernel}, {Kernel}), stride: ({Stride}, {Stride}), padding: ({plan.PaddingH}, {plan.PaddingW}), bias: {bias})");
        // A constant 0 converts to the TorchSharp.Padding enum, so "padding: 0" is ambiguous between the long and
        // the Padding overloads (CS0121); 0 is the long overload's default, so leave it out.
        else if (plan.PaddingH == 0)
            arguments = Invariant($"kernel_size: {Kernel}, stride: {Stride}, bias: {bias})");
        else
            arguments = Invariant($"kernel_size: {Kernel}, stride: {Stride}, padding: {plan.PaddingH}, bias: {bias})");
        return SpectralNorm
            ? new(Names.Layers + ".SpectralNormConv2d", head + arguments, "SN-Conv2d")
            : new(Names.Modules + ".Conv2d", head + arguments, "Conv2d");
    }
}
