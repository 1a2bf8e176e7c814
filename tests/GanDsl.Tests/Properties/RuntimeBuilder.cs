using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Generators.Ops;
using TorchSharp;
using static TorchSharp.torch;
using RuntimeLayers = global::GanDsl.Layers;

namespace GanDsl.Tests.Properties;

/// <summary>The TorchSharp factory and named arguments a layer was built with, in the emitter's literal format,
/// so they can be compared with the constructor expression the generator writes.</summary>
internal sealed record Recipe(string Factory, IReadOnlyList<KeyValuePair<string, string>> Arguments)
{
    public override string ToString() => $"{Factory}({string.Join(", ", Arguments.Select(a => a.Key + ": " + a.Value))})";
}

/// <summary>Thrown when a layer has no TorchSharp equivalent at all (no padding plan exists).</summary>
internal sealed class NoPlanException(string message) : Exception(message);

/// <summary>A layer built for a run: the module (disposed with this), how to call it, its recipe and its parameter count.</summary>
internal sealed class RuntimeLayer(nn.Module module, Func<Tensor, Tensor?, Tensor> call, Recipe recipe) : IDisposable
{
    public Recipe Recipe { get; } = recipe;
    public long Parameters => module.parameters().Sum(p => p.numel());
    public Tensor Call(Tensor input, Tensor? labels) => call(input, labels);
    public void Dispose() => module.Dispose();
}

/// <summary>
/// Builds one layer as a TorchSharp module from the shape that actually reaches it at run time, taking every
/// choice the generated code takes from the same place (the conv plans, BatchNorm1d vs 2d by rank, in-features from
/// the first per-sample dimension, Channels.Same from the input's channels). Nothing here consults the checker's verdict.
/// </summary>
internal static class RuntimeBuilder
{
    public static RuntimeLayer Build(LayerOp op, long[] sample, long classes)
    {
        long first = sample[0];
        long height = sample.Length >= 3 ? sample[1] : 1, width = sample.Length >= 3 ? sample[2] : 1;
        var args = new List<KeyValuePair<string, string>>();
        void Arg(string name, object value) => args.Add(new(name, Literal(value)));
        RuntimeLayer Plain(nn.Module<Tensor, Tensor> module, string factory) => new(module, (x, _) => module.call(x), new Recipe(factory, args));
        RuntimeLayer Labelled(nn.Module<Tensor, Tensor, Tensor> module, string factory) =>
            new(module, (x, labels) => module.call(x, labels ?? throw new InvalidOperationException("no labels: the network is unconditional")), new Recipe(factory, args));
        long Channels(long outChannels) => outChannels == ConvRules.SameChannels ? first : outChannels;

        switch (op)
        {
            case Dense d:
                Arg("inputSize", first); Arg("outputSize", d.Units); Arg("hasBias", d.Bias);
                return d.SpectralNorm
                    ? Plain(new RuntimeLayers.SpectralNormLinear(first, d.Units, hasBias: d.Bias), "SpectralNormLinear")
                    : Plain(nn.Linear(first, d.Units, hasBias: d.Bias), "Linear");

            case Conv2d c:
            {
                var plan = ConvArithmetic.Conv2dPlan(c.Kernel, c.Stride, c.Padding, c.Same, height, width);
                long outChannels = Channels(c.OutChannels);
                Arg("in_channels", first); Arg("out_channels", outChannels);
                string factory = c.SpectralNorm ? "SpectralNormConv2d" : "Conv2d";
                if (plan.SameMode)
                {
                    Arg("kernel_size", c.Kernel); args.Add(new("padding", "global::TorchSharp.Padding.Same")); Arg("stride", 1L); Arg("bias", c.Bias);
                    return Plain(c.SpectralNorm
                        ? new RuntimeLayers.SpectralNormConv2d(first, outChannels, c.Kernel, Padding.Same, stride: 1, bias: c.Bias)
                        : nn.Conv2d(first, outChannels, c.Kernel, Padding.Same, stride: 1, bias: c.Bias), factory);
                }
                if (plan.PaddingH != plan.PaddingW)
                {
                    Arg("kernel_size", (c.Kernel, c.Kernel)); Arg("stride", (c.Stride, c.Stride));
                    Arg("padding", (plan.PaddingH, plan.PaddingW)); Arg("bias", c.Bias);
                    return Plain(c.SpectralNorm
                        ? new RuntimeLayers.SpectralNormConv2d(first, outChannels, (c.Kernel, c.Kernel), stride: (c.Stride, c.Stride), padding: (plan.PaddingH, plan.PaddingW), bias: c.Bias)
                        : nn.Conv2d(first, outChannels, (c.Kernel, c.Kernel), stride: (c.Stride, c.Stride), padding: (plan.PaddingH, plan.PaddingW), bias: c.Bias), factory);
                }
                Arg("kernel_size", c.Kernel); Arg("stride", c.Stride); Arg("padding", plan.PaddingH); Arg("bias", c.Bias);
                return Plain(c.SpectralNorm
                    ? new RuntimeLayers.SpectralNormConv2d(first, outChannels, c.Kernel, stride: c.Stride, padding: plan.PaddingH, bias: c.Bias)
                    : nn.Conv2d(first, outChannels, c.Kernel, stride: c.Stride, padding: plan.PaddingH, bias: c.Bias), factory);
            }

            case ConvTranspose2d t:
            {
                var plan = ConvArithmetic.ConvTranspose2dPlan(t.Kernel, t.Stride, t.Padding, t.OutputPadding, t.Same)
                           ?? throw new NoPlanException($"{t.Display}: no padding gives 'same' output");
                long outChannels = Channels(t.OutChannels);
                Arg("in_channels", first); Arg("out_channels", outChannels); Arg("kernel_size", t.Kernel); Arg("stride", t.Stride);
                Arg("padding", plan.PaddingH); Arg("output_padding", plan.OutputPadding); Arg("bias", t.Bias);
                return t.SpectralNorm
                    ? Plain(new RuntimeLayers.SpectralNormConvTranspose2d(first, outChannels, t.Kernel, stride: t.Stride, padding: plan.PaddingH,
                        output_padding: plan.OutputPadding, bias: t.Bias), "SpectralNormConvTranspose2d")
                    : Plain(nn.ConvTranspose2d(first, outChannels, t.Kernel, stride: t.Stride, padding: plan.PaddingH,
                        output_padding: plan.OutputPadding, bias: t.Bias), "ConvTranspose2d");
            }

            case BatchNorm b:
                Arg("num_features", first); Arg("eps", b.Eps); Arg("momentum", b.Momentum);
                return sample.Length == 1
                    ? Plain(nn.BatchNorm1d(first, eps: b.Eps, momentum: b.Momentum), "BatchNorm1d")
                    : Plain(nn.BatchNorm2d(first, eps: b.Eps, momentum: b.Momentum), "BatchNorm2d");

            case LeakyReLU l:
                Arg("negative_slope", l.Slope);
                return Plain(nn.LeakyReLU(l.Slope), "LeakyReLU");
            case Activation { Name: "ReLU" }: return Plain(nn.ReLU(), "ReLU");
            case Activation { Name: "Tanh" }: return Plain(nn.Tanh(), "Tanh");
            case Activation { Name: "Sigmoid" }: return Plain(nn.Sigmoid(), "Sigmoid");
            case Flatten: return Plain(nn.Flatten(), "Flatten");
            case Dropout p:
                Arg("p", p.P);
                return Plain(nn.Dropout(p.P), "Dropout");
            case Reshape r:
            {
                var dims = r.Dims.ToArray();
                foreach (var d in dims) Arg("", d);
                return Plain(new RuntimeLayers.Reshape(dims), "Reshape");
            }
            case Upsample u:
                args.Add(new("scale_factor", $"new double[] {{ {u.Scale}, {u.Scale} }}"));
                args.Add(new("mode", "global::TorchSharp.torch.UpsampleMode.Nearest"));
                return Plain(nn.Upsample(scale_factor: new double[] { u.Scale, u.Scale }, mode: UpsampleMode.Nearest), "Upsample");
            case ZeroPad2d z:
                Arg("padding", (z.Left, z.Right, z.Top, z.Bottom));
                return Plain(nn.ZeroPad2d((z.Left, z.Right, z.Top, z.Bottom)), "ZeroPad2d");

            case LayerNorm n:
                args.Add(new("normalized_shape", $"new long[] {{ {string.Join(", ", sample)} }}")); Arg("eps", n.Eps);
                return Plain(nn.LayerNorm(sample, eps: n.Eps), "LayerNorm");
            case InstanceNorm n:
                Arg("num_features", first); Arg("eps", n.Eps); Arg("affine", n.Affine);
                return Plain(nn.InstanceNorm2d(first, eps: n.Eps, affine: n.Affine), "InstanceNorm2d");
            case ReflectionPad2d p:
                Arg("padding", p.Padding);
                return Plain(nn.ReflectionPad2d(p.Padding), "ReflectionPad2d");
            case PixelShuffle s:
                Arg("upscale_factor", s.Factor);
                return Plain(nn.PixelShuffle(s.Factor), "PixelShuffle");
            case PReLU p:
                Arg("num_parameters", 1L); Arg("init", p.Init);
                return Plain(nn.PReLU(1, p.Init), "PReLU");
            case AvgPool2d a:
                Arg("kernel_size", a.Kernel);
                return Plain(nn.AvgPool2d(a.Kernel), "AvgPool2d");
            case GlobalPool { Sum: true }: return Plain(new RuntimeLayers.GlobalSumPool(), "GlobalSumPool");
            case GlobalPool { Sum: false }: return Plain(new RuntimeLayers.GlobalAvgPool(), "GlobalAvgPool");
            case ConcatLabel c:
                Arg("classes", classes); Arg("dim", c.Dim);
                return Labelled(new RuntimeLayers.ConcatLabel(Math.Max(classes, 1), c.Dim), "ConcatLabel");
            case ConditionalBatchNorm b:
                Arg("classes", classes); Arg("features", first); Arg("image", sample.Length == 3); Arg("eps", b.Eps); Arg("momentum", b.Momentum);
                return Labelled(new RuntimeLayers.ConditionalBatchNorm(Math.Max(classes, 1), first, sample.Length == 3, b.Eps, b.Momentum), "ConditionalBatchNorm");
            case ProjectLabel p:
                Arg("classes", classes); Arg("features", first); Arg("spectralNorm", p.SpectralNorm);
                return Labelled(new RuntimeLayers.ProjectLabel(Math.Max(classes, 1), first, p.SpectralNorm), "ProjectLabel");
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.GetType().Name, null);
        }
    }

    private static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => DoubleLiteral(d),
        ValueTuple<long, long> t => $"({t.Item1}, {t.Item2})",
        ValueTuple<long, long, long, long> t => $"({t.Item1}, {t.Item2}, {t.Item3}, {t.Item4})",
        _ => throw new ArgumentException(value.GetType().Name),
    };

    private static string DoubleLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
