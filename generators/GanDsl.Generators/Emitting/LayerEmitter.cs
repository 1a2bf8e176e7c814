using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Emitting;

/// <summary>How one checked layer becomes a TorchSharp module: field name, field type, constructor expression.
/// Named arguments throughout: TorchSharp's positional order differs from PyTorch's.</summary>
internal static class LayerEmitter
{
    public static string FieldName(LayerSpec layer, int index) => layer.Kind switch
    {
        LayerKind.Dense => "dense",
        LayerKind.Conv2d => "conv",
        LayerKind.ConvTranspose2d => "deconv",
        LayerKind.BatchNorm => "batchNorm",
        LayerKind.LeakyReLU => "leakyRelu",
        LayerKind.ReLU => "relu",
        LayerKind.Tanh => "tanh",
        LayerKind.Sigmoid => "sigmoid",
        LayerKind.Dropout => "dropout",
        LayerKind.Reshape => "reshape",
        LayerKind.Flatten => "flatten",
        LayerKind.Upsample => "upsample",
        _ => "zeroPad",
    } + index.ToString(CultureInfo.InvariantCulture);

    public static string FieldType(LayerSpec layer, LayerResult result) => layer.Kind switch
    {
        LayerKind.Dense => Names.Modules + ".Linear",
        LayerKind.BatchNorm => Names.Modules + (result.Input.Rank == 1 ? ".BatchNorm1d" : ".BatchNorm2d"),
        LayerKind.Reshape => Names.Reshape,
        _ => Names.Modules + "." + layer.Kind,
    };

    /// <summary>The module's type name as a user reads it in the summary table.</summary>
    public static string SummaryType(LayerSpec layer, LayerResult result) =>
        layer.Kind == LayerKind.BatchNorm ? (result.Input.Rank == 1 ? "BatchNorm1d" : "BatchNorm2d") : layer.Kind.ToString();

    public static string Construct(LayerSpec layer, LayerResult result)
    {
        var input = result.Input;
        var plan = result.Conv;
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                return $"{Names.Nn}.Linear(inputSize: {input[0]}, outputSize: {layer.Units}, hasBias: {Bool(layer.Bias)})";
            case LayerKind.Conv2d:
                if (plan.SameMode)
                    return $"{Names.Nn}.Conv2d(in_channels: {input[0]}, out_channels: {layer.OutChannels}, kernel_size: {layer.Kernel}, padding: global::TorchSharp.Padding.Same, stride: 1, bias: {Bool(layer.Bias)})";
                if (plan.PaddingH != plan.PaddingW)
                    return $"{Names.Nn}.Conv2d(in_channels: {input[0]}, out_channels: {layer.OutChannels}, kernel_size: ({layer.Kernel}, {layer.Kernel}), stride: ({layer.Stride}, {layer.Stride}), padding: ({plan.PaddingH}, {plan.PaddingW}), bias: {Bool(layer.Bias)})";
                // A constant 0 converts to the TorchSharp.Padding enum, so "padding: 0" is ambiguous between the
                // long and the Padding overloads (CS0121); 0 is the long overload's default, so leave it out.
                return plan.PaddingH == 0
                    ? $"{Names.Nn}.Conv2d(in_channels: {input[0]}, out_channels: {layer.OutChannels}, kernel_size: {layer.Kernel}, stride: {layer.Stride}, bias: {Bool(layer.Bias)})"
                    : $"{Names.Nn}.Conv2d(in_channels: {input[0]}, out_channels: {layer.OutChannels}, kernel_size: {layer.Kernel}, stride: {layer.Stride}, padding: {plan.PaddingH}, bias: {Bool(layer.Bias)})";
            case LayerKind.ConvTranspose2d:
                return $"{Names.Nn}.ConvTranspose2d(in_channels: {input[0]}, out_channels: {layer.OutChannels}, kernel_size: {layer.Kernel}, stride: {layer.Stride}, padding: {plan.PaddingH}, output_padding: {plan.OutputPadding}, bias: {Bool(layer.Bias)})";
            case LayerKind.BatchNorm:
                return $"{Names.Nn}.{(input.Rank == 1 ? "BatchNorm1d" : "BatchNorm2d")}(num_features: {input[0]}, eps: {Num(layer.Eps)}, momentum: {Num(layer.Momentum)})";
            case LayerKind.LeakyReLU:
                return $"{Names.Nn}.LeakyReLU(negative_slope: {Num(layer.Slope)})";
            case LayerKind.Dropout:
                return $"{Names.Nn}.Dropout(p: {Num(layer.P)})";
            case LayerKind.Reshape:
                return $"new {Names.Reshape}({string.Join(", ", layer.Dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
            case LayerKind.Upsample:
                return $"{Names.Nn}.Upsample(scale_factor: new double[] {{ {layer.Scale}, {layer.Scale} }}, mode: global::TorchSharp.torch.UpsampleMode.Nearest)";
            case LayerKind.ZeroPad2d:
                return $"{Names.Nn}.ZeroPad2d(padding: ({layer.Left}, {layer.Right}, {layer.Top}, {layer.Bottom}))";
            default: // ReLU, Tanh, Sigmoid, Flatten
                return $"{Names.Nn}.{layer.Kind}()";
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A C# double literal that round-trips.</summary>
    internal static string Num(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }
}
