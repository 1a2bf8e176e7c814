using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>Checks the class labels handed to a conditional layer, so a wrong batch fails with a message
/// that names the layer and both shapes instead of an opaque libtorch error.</summary>
internal static class LabelCheck
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="labels"/> is an int64 vector of
    /// <paramref name="batch"/> class indices in [0, <paramref name="classes"/>).</summary>
    /// <remarks>The range is checked only for labels on the CPU: there min/max cost two tiny reductions, while on
    /// an accelerator reading them back would synchronise the device on every step. Labels normally come from
    /// the dataset, so they are best checked once when the data is read.</remarks>
    public static void Check(Tensor labels, long batch, long classes, string layer)
    {
        if (labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"{layer}: labels must be int64 class indices, but got {labels.dtype}", nameof(labels));
        if (labels.ndim != 1 || labels.shape[0] != batch)
            throw new ArgumentException($"{layer}: labels must have shape ({batch}), one per sample of the input batch, but got {ShapeText.Of(labels)}", nameof(labels));
        if (labels.device_type != DeviceType.CPU || batch == 0) return;
        using var minimum = labels.min();
        using var maximum = labels.max();
        long low = minimum.item<long>(), high = maximum.item<long>();
        if (low < 0 || high >= classes)
            throw new ArgumentException($"{layer}: labels must lie in [0, {classes - 1}] for {classes} classes, but range over [{low}, {high}]", nameof(labels));
    }
}
