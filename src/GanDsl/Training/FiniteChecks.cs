using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// Divergence checks, each a small piece a training loop calls where it has the values at hand: metrics after every
/// step (they are numbers already read back), weights before anything is written from them.
/// </summary>
internal static class FiniteChecks
{
    /// <summary>The first non-finite metric of a step, in column order (D's come first: D is updated first), as
    /// (network, words), or null when all are finite.</summary>
    public static (string Network, string Problem)? Metrics(IReadOnlyList<MetricColumn> columns, IReadOnlyList<double> values)
    {
        for (int i = 0; i < columns.Count; i++)
            if (!double.IsFinite(values[i]))
                return (columns[i].Network, $"{columns[i].Label} ({columns[i].Name}) is {Show(values[i])}");
        return null;
    }

    /// <summary>Names of the floating-point parameters and buffers of <paramref name="module"/> that hold a NaN or an
    /// infinity (at most <paramref name="limit"/>).</summary>
    public static List<string> NonFiniteTensors(nn.Module module, int limit = 3)
    {
        var found = new List<string>();
        using var _ = torch.no_grad();
        foreach (var (name, tensor) in module.state_dict())
        {
            if (!tensor.is_floating_point()) continue;
            using var scope = torch.NewDisposeScope();
            if (!tensor.isfinite().all().item<bool>()) found.Add(name);
            if (found.Count == limit) break;
        }
        return found;
    }

    private static string Show(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
}
