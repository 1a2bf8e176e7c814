using System.Collections.Generic;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>What Conv2d and ConvTranspose2d share: the argument rules, the display tail, Channels.Same.</summary>
internal static class ConvRules
{
    /// <summary>The value of GanDsl.Channels.Same.</summary>
    public const long SameChannels = -1;

    public static string Channels(long outChannels) =>
        outChannels == SameChannels ? "Channels.Same" : outChannels.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static long Resolve(long outChannels, Shape input) => outChannels == SameChannels ? input[0] : outChannels;

    public static string Tail(long stride, bool paddingSet, long padding, bool outputPaddingSet, long outputPadding, bool same, bool bias, bool spectralNorm)
    {
        var s = "";
        if (stride != 1) s += Invariant($", Stride = {stride}");
        if (paddingSet) s += Invariant($", Padding = {padding}");
        if (outputPaddingSet) s += Invariant($", OutputPadding = {outputPadding}");
        if (same) s += ", Same = true";
        if (!bias) s += ", Bias = false";
        if (spectralNorm) s += ", SpectralNorm = true";
        return s;
    }

    public static IEnumerable<Invalid> Validate(long outChannels, long kernel, long stride, long padding, bool paddingSet, bool same,
        bool transposed, long outputPadding, bool outputPaddingSet)
    {
        if (outChannels < 1 && outChannels != SameChannels)
            yield return new Invalid(Invariant($"outChannels must be at least 1 (or Channels.Same), got {outChannels}"));
        if (kernel < 1) yield return new Invalid(kernel == 0 ? "Kernel must be set (Kernel = k, k >= 1)" : Invariant($"Kernel must be at least 1, got {kernel}"));
        if (stride < 1) yield return new Invalid(Invariant($"Stride must be at least 1, got {stride}"));
        if (padding < 0) yield return new Invalid(Invariant($"Padding must be 0 or more, got {padding}"));
        if (same && paddingSet) yield return new Invalid("Same = true and Padding both set the padding; keep one", "DropPadding");
        if (!transposed) yield break;
        if (same && outputPaddingSet) yield return new Invalid("Same = true and OutputPadding both set the output padding; keep one", "DropOutputPadding");
        if (outputPadding < 0) yield return new Invalid(Invariant($"OutputPadding must be 0 or more, got {outputPadding}"));
        else if (stride >= 1 && outputPadding >= stride)
            yield return new Invalid(Invariant($"OutputPadding must be smaller than Stride, got OutputPadding = {outputPadding} with Stride = {stride}"));
    }
}
