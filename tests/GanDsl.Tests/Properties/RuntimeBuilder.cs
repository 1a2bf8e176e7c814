using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Tests.Properties;

/// <summary>The TorchSharp factory and named arguments a layer was built with, in the emitter's literal format,
/// so they can be compared with the constructor expression the generator writes.</summary>
internal sealed record Recipe(string Factory, IReadOnlyList<KeyValuePair<string, string>> Arguments)
{
    public override string ToString() => $"{Factory}({string.Join(", ", Arguments.Select(a => a.Key + ": " + a.Value))})";
}

/// <summary>Thrown when a layer has no TorchSharp equivalent at all (no padding plan exists).</summary>
internal sealed class NoPlanException(string message) : Exception(message);

/// <summary>
/// Builds one layer as a TorchSharp module from the shape that actually reaches it at run time, taking every
/// choice the generated code takes from the same place (ShapeInference's conv plans, BatchNorm1d vs 2d by rank,
/// in-features from the first per-sample dimension). Nothing here consults the checker's verdict.
/// </summary>
internal static class RuntimeBuilder
{
    public static (nn.Module<Tensor, Tensor> Module, Recipe Recipe) Build(LayerSpec layer, long[] sample)
    {
        long first = sample[0];
        long height = sample.Length >= 3 ? sample[1] : 1, width = sample.Length >= 3 ? sample[2] : 1;
        var args = new List<KeyValuePair<string, string>>();
        void Arg(string name, object value) => args.Add(new(name, Literal(value)));

        switch (layer.Kind)
        {
            case LayerKind.Dense:
                Arg("inputSize", first); Arg("outputSize", layer.Units); Arg("hasBias", layer.Bias);
                return (nn.Linear(first, layer.Units, hasBias: layer.Bias), new("Linear", args));

            case LayerKind.Conv2d:
            {
                var plan = ShapeInference.Conv2dPlan(layer, height, width);
                Arg("in_channels", first); Arg("out_channels", layer.OutChannels);
                if (plan.SameMode)
                {
                    Arg("kernel_size", layer.Kernel); args.Add(new("padding", "global::TorchSharp.Padding.Same")); Arg("stride", 1L); Arg("bias", layer.Bias);
                    return (nn.Conv2d(first, layer.OutChannels, layer.Kernel, Padding.Same, stride: 1, bias: layer.Bias), new("Conv2d", args));
                }
                if (plan.PaddingH != plan.PaddingW)
                {
                    Arg("kernel_size", (layer.Kernel, layer.Kernel)); Arg("stride", (layer.Stride, layer.Stride));
                    Arg("padding", (plan.PaddingH, plan.PaddingW)); Arg("bias", layer.Bias);
                    return (nn.Conv2d(first, layer.OutChannels, (layer.Kernel, layer.Kernel), stride: (layer.Stride, layer.Stride),
                        padding: (plan.PaddingH, plan.PaddingW), bias: layer.Bias), new("Conv2d", args));
                }
                Arg("kernel_size", layer.Kernel); Arg("stride", layer.Stride); Arg("padding", plan.PaddingH); Arg("bias", layer.Bias);
                return (nn.Conv2d(first, layer.OutChannels, layer.Kernel, stride: layer.Stride, padding: plan.PaddingH, bias: layer.Bias),
                    new("Conv2d", args));
            }

            case LayerKind.ConvTranspose2d:
            {
                var plan = ShapeInference.ConvTranspose2dPlan(layer)
                           ?? throw new NoPlanException($"{layer.Display}: no padding gives 'same' output");
                Arg("in_channels", first); Arg("out_channels", layer.OutChannels); Arg("kernel_size", layer.Kernel); Arg("stride", layer.Stride);
                Arg("padding", plan.PaddingH); Arg("output_padding", plan.OutputPadding); Arg("bias", layer.Bias);
                return (nn.ConvTranspose2d(first, layer.OutChannels, layer.Kernel, stride: layer.Stride, padding: plan.PaddingH,
                    output_padding: plan.OutputPadding, bias: layer.Bias), new("ConvTranspose2d", args));
            }

            case LayerKind.BatchNorm:
                Arg("num_features", first); Arg("eps", layer.Eps); Arg("momentum", layer.Momentum);
                return sample.Length == 1
                    ? (nn.BatchNorm1d(first, eps: layer.Eps, momentum: layer.Momentum), new("BatchNorm1d", args))
                    : (nn.BatchNorm2d(first, eps: layer.Eps, momentum: layer.Momentum), new("BatchNorm2d", args));

            case LayerKind.LeakyReLU:
                Arg("negative_slope", layer.Slope);
                return (nn.LeakyReLU(layer.Slope), new("LeakyReLU", args));
            case LayerKind.ReLU: return (nn.ReLU(), new("ReLU", args));
            case LayerKind.Tanh: return (nn.Tanh(), new("Tanh", args));
            case LayerKind.Sigmoid: return (nn.Sigmoid(), new("Sigmoid", args));
            case LayerKind.Flatten: return (nn.Flatten(), new("Flatten", args));
            case LayerKind.Dropout:
                Arg("p", layer.P);
                return (nn.Dropout(layer.P), new("Dropout", args));
            case LayerKind.Reshape:
            {
                var dims = layer.Dims.ToArray();
                foreach (var d in dims) Arg("", d);
                return (new GanDsl.Layers.Reshape(dims), new("Reshape", args));
            }
            case LayerKind.Upsample:
                args.Add(new("scale_factor", $"new double[] {{ {layer.Scale}, {layer.Scale} }}"));
                args.Add(new("mode", "global::TorchSharp.torch.UpsampleMode.Nearest"));
                return (nn.Upsample(scale_factor: new double[] { layer.Scale, layer.Scale }, mode: UpsampleMode.Nearest), new("Upsample", args));
            case LayerKind.ZeroPad2d:
                Arg("padding", (layer.Left, layer.Right, layer.Top, layer.Bottom));
                return (nn.ZeroPad2d((layer.Left, layer.Right, layer.Top, layer.Bottom)), new("ZeroPad2d", args));
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, null);
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

/// <summary>What happened when a stack ran in TorchSharp, layer by layer, on a batch of 2.</summary>
internal sealed record RunOutcome(IReadOnlyList<long[]> Outputs, int FailedAt, string? Error)
{
    public bool Succeeded => FailedAt < 0;

    public static RunOutcome Run(long[] input, IReadOnlyList<LayerSpec> layers)
    {
        const long Batch = 2;
        using var scope = torch.NewDisposeScope();
        var outputs = new List<long[]>();
        var x = torch.randn(new[] { Batch }.Concat(input).ToArray());
        for (int i = 0; i < layers.Count; i++)
        {
            try
            {
                var sample = x.shape.Skip(1).ToArray();
                if (sample.Length == 0) return new RunOutcome(outputs, i, "no per-sample dimension left");
                if (AbortsProcess(layers[i], sample))
                    return new RunOutcome(outputs, i, "TorchSharp would abort the process (oneDNN terminate on a negative transposed-conv size)");
                var (module, _) = RuntimeBuilder.Build(layers[i], sample);
                using (module)
                {
                    x = module.call(x);
                }
                // A module that silently folds samples into the batch has not computed the layer.
                if (x.shape.Length == 0 || x.shape[0] != Batch)
                    return new RunOutcome(outputs, i, $"batch dimension changed to ({string.Join(", ", x.shape)})");
                // An empty tensor (a zero-sized dimension) is not an image: TorchSharp returns one where PyTorch's
                // formula gives 0 for a transposed convolution.
                if (x.shape.Any(d => d < 1))
                    return new RunOutcome(outputs, i, $"empty output ({string.Join(", ", x.shape)})");
                outputs.Add(x.shape.Skip(1).ToArray());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new RunOutcome(outputs, i, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
            }
        }
        return new RunOutcome(outputs, -1, null);
    }

    /// <summary>TorchSharp 0.107.0 (oneDNN) calls std::terminate, killing the test host, when a transposed
    /// convolution's output size (PyTorch's formula) is negative; arguments it rejects itself are left to it.</summary>
    private static bool AbortsProcess(LayerSpec layer, long[] sample)
    {
        if (layer.Kind != LayerKind.ConvTranspose2d || sample.Length != 3 || layer.Kernel < 1 || layer.Stride < 1) return false;
        var plan = ShapeInference.ConvTranspose2dPlan(layer);
        if (plan is null || plan.PaddingH < 0 || plan.OutputPadding >= layer.Stride) return false;
        long Size(long n) => (n - 1) * layer.Stride - 2 * plan.PaddingH + layer.Kernel + plan.OutputPadding;
        return Size(sample[1]) < 0 || Size(sample[2]) < 0;
    }
}
