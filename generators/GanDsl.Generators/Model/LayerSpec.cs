using System;
using System.Globalization;
using System.Linq;
using static System.FormattableString;

namespace GanDsl.Generators.Model;

/// <summary>
/// One layer as declared: the attribute's arguments, with the attribute's defaults filled in.
/// A value type for the incremental pipeline: no Roslyn types.
/// </summary>
internal sealed record LayerSpec(LayerKind Kind)
{
    public long Units { get; init; }
    public long OutChannels { get; init; }
    public long Kernel { get; init; }
    public long Stride { get; init; } = 1;
    public long Padding { get; init; }
    public bool PaddingSet { get; init; }
    public long OutputPadding { get; init; }
    public bool OutputPaddingSet { get; init; }
    public bool Same { get; init; }
    public bool Bias { get; init; } = true;
    public double Momentum { get; init; } = 0.1;
    public double Eps { get; init; } = 1e-5;
    public double Slope { get; init; } = 0.01;
    public double P { get; init; }
    public long Scale { get; init; }
    public long Left { get; init; }
    public long Right { get; init; }
    public long Top { get; init; }
    public long Bottom { get; init; }
    public EquatableArray<long> Dims { get; init; } = EquatableArray<long>.Empty;

    /// <summary>How the layer reads in source, for messages and summaries: "Conv2d(64, Kernel = 5, Stride = 2, Same = true)".</summary>
    public string Display => Kind switch
    {
        LayerKind.Dense => Invariant($"Dense({Units}{(Bias ? "" : ", Bias = false")})"),
        LayerKind.Conv2d => Invariant($"Conv2d({OutChannels}, Kernel = {Kernel}{ConvTail(false)})"),
        LayerKind.ConvTranspose2d => Invariant($"ConvTranspose2d({OutChannels}, Kernel = {Kernel}{ConvTail(true)})"),
        LayerKind.BatchNorm => Invariant($"BatchNorm(Momentum = {Num(Momentum)}, Eps = {Num(Eps)})"),
        LayerKind.LeakyReLU => Invariant($"LeakyReLU({Num(Slope)})"),
        LayerKind.Dropout => Invariant($"Dropout({Num(P)})"),
        LayerKind.Reshape => Invariant($"Reshape({string.Join(", ", Dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))})"),
        LayerKind.Upsample => Invariant($"Upsample({Scale})"),
        LayerKind.ZeroPad2d => Invariant($"ZeroPad2d({Left}, {Right}, {Top}, {Bottom})"),
        _ => Kind.ToString(),
    };

    private string ConvTail(bool transposed)
    {
        var s = "";
        if (Stride != 1) s += Invariant($", Stride = {Stride}");
        if (PaddingSet) s += Invariant($", Padding = {Padding}");
        if (transposed && OutputPaddingSet) s += Invariant($", OutputPadding = {OutputPadding}");
        if (Same) s += ", Same = true";
        if (!Bias) s += ", Bias = false";
        return s;
    }

    internal static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
