namespace GanDsl.Generators.Shapes;

/// <summary>
/// The TorchSharp arguments chosen for a convolution so that its output has the inferred size.
/// Heights and widths can need different padding under 'same'. <see cref="SameMode"/>: pass TorchSharp's
/// Padding.Same (stride 1 with an even kernel, where the padding is asymmetric and no number expresses it).
/// </summary>
internal sealed record ConvPlan(long PaddingH, long PaddingW, long OutputPadding, bool SameMode)
{
    public static readonly ConvPlan None = new(0, 0, 0, false);
}
