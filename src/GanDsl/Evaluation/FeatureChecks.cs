using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>The argument checks every metric shares, and the float64 CPU copy every metric computes on.</summary>
internal static class FeatureChecks
{
    /// <summary>Checks that <paramref name="features"/> is (N, D) with N >= <paramref name="minRows"/> and finite,
    /// and returns it as a float64 CPU tensor (a new tensor in the caller's dispose scope).</summary>
    public static Tensor AsFloat64(Tensor features, string name, long minRows = 1, long? width = null)
    {
        if (features.dim() != 2)
            throw new ArgumentException($"{name} must be a (N, D) feature matrix; got ({string.Join(", ", features.shape)})", name);
        if (features.shape[0] < minRows)
            throw new ArgumentException($"{name} needs at least {minRows} rows; got {features.shape[0]}", name);
        if (width is { } w && features.shape[1] != w)
            throw new ArgumentException($"{name} has {features.shape[1]} features per row but the other set has {w}", name);
        var result = features.detach().to(torch.CPU).to_type(ScalarType.Float64);
        if (!result.isfinite().all().item<bool>())
            throw new ArgumentException($"{name} contains NaN or infinite values", name);
        return result;
    }
}
