using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Tests.Layers;

/// <summary>Helpers shared by the layer tests. Every test that builds modules seeds the process-wide generator
/// (module init ignores local generators), so these tests run in the serial collection.</summary>
internal static class LayerTestKit
{
    /// <summary>A fresh local generator, so test data does not depend on module init draws.</summary>
    public static torch.Generator Rng(long seed) => new torch.Generator((ulong)seed);

    public static double TopSingularValue(Tensor matrix)
    {
        using var scope = NewDisposeScope();
        return linalg.svdvals(matrix.detach())[0].ToDouble();
    }

    /// <summary>torch.equal: same shape and bit-identical values (TorchSharp's Tensor.equal is the elementwise eq).</summary>
    public static bool Identical(Tensor a, Tensor b) => a.Equals(b);

    /// <summary>A (rows, columns) matrix with the given singular values, largest first, and random singular vectors.</summary>
    public static Tensor WithSingularValues(long rows, long columns, double[] singularValues, torch.Generator rng)
    {
        using var scope = NewDisposeScope();
        long k = Math.Min(rows, columns);
        var (left, _) = linalg.qr(randn(new[] { rows, k }, generator: rng));
        var (right, _) = linalg.qr(randn(new[] { columns, k }, generator: rng));
        var s = tensor(singularValues.Take((int)k).Select(v => (float)v).ToArray());
        return scope.MoveToOuter(left.mm(diag(s)).mm(right.t()));
    }

    public static string[] Keys(nn.Module module) => module.state_dict().Keys.ToArray();

    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>Saves <paramref name="source"/> with module.save to a temporary file and loads it into <paramref name="target"/>.</summary>
    public static void SaveAndLoad(nn.Module source, nn.Module target)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gandsl-layers-{Guid.NewGuid():N}.bin");
        try
        {
            source.save(path);
            target.load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void SetWeight(Tensor parameter, Tensor value)
    {
        using var _ = no_grad();
        parameter.copy_(value);
    }
}
