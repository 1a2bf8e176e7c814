using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// An exponential moving average of a network's weights, kept in a second instance of the network: after each
/// update of the source, every parameter becomes p_ema = decay * p_ema + (1 - decay) * p, and every buffer (BatchNorm
/// statistics, spectral-norm vectors) is copied. It starts as a copy of the source. Its parameters take no gradients.
/// </summary>
internal static class ExponentialMovingAverage
{
    public static void CopyInto(nn.Module source, nn.Module average)
    {
        using var _ = torch.no_grad();
        foreach (var (target, value) in Pairs(average, source)) target.copy_(value);
        foreach (var p in average.parameters()) p.requires_grad = false;
        average.eval();
    }

    /// <summary>The decay of the <paramref name="update"/>-th update (1 for the first) with the warm-up:
    /// min(decay, (1 + t) / (10 + t)), as TensorFlow's ExponentialMovingAverage with num_updates.</summary>
    public static double WarmedUpDecay(double decay, long update) => Math.Min(decay, (1.0 + update) / (10.0 + update));

    public static void Update(nn.Module source, nn.Module average, double decay)
    {
        using var _ = torch.no_grad();
        using var keep = decay.ToScalar();
        using var take = (1 - decay).ToScalar();
        var averageParameters = average.parameters().ToArray();
        var sourceParameters = source.parameters().ToArray();
        for (int i = 0; i < averageParameters.Length; i++)
            averageParameters[i].mul_(keep).add_(sourceParameters[i], alpha: take);
        var averageBuffers = average.buffers().ToArray();
        var sourceBuffers = source.buffers().ToArray();
        for (int i = 0; i < averageBuffers.Length; i++)
            averageBuffers[i].copy_(sourceBuffers[i]);
    }

    private static System.Collections.Generic.IEnumerable<(Tensor Target, Tensor Value)> Pairs(nn.Module average, nn.Module source)
    {
        var from = source.state_dict();
        foreach (var (name, target) in average.state_dict()) yield return (target, from[name]);
    }
}
