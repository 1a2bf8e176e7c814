using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Data;

/// <summary>
/// An equal-weight mixture of isotropic 2-D Gaussians: the mode-collapse benchmarks of the PacGAN and VEEGAN papers.
/// <see cref="Ring"/>: 8 modes on a circle of radius 1, sd 0.01. <see cref="Grid"/>: 25 modes at {-4, -2, 0, 2, 4}^2,
/// sd 0.05. Samples are (N, 2) float tensors, drawn with a generator of their own (the global one is not touched).
/// </summary>
public sealed class GaussianMixture
{
    public GaussianMixture(string name, IReadOnlyList<(double X, double Y)> modes, double sd)
    {
        if (modes.Count == 0) throw new ArgumentException("a mixture needs at least one mode", nameof(modes));
        if (!(sd > 0)) throw new ArgumentOutOfRangeException(nameof(sd), sd, "sd must be positive");
        Name = name;
        Modes = modes;
        Sd = sd;
    }

    public string Name { get; }
    public IReadOnlyList<(double X, double Y)> Modes { get; }
    public double Sd { get; }

    /// <summary>8 modes evenly on the unit circle (the first at (1, 0)), sd 0.01.</summary>
    public static GaussianMixture Ring() =>
        new("ring", Enumerable.Range(0, 8).Select(k => (Math.Cos(2 * Math.PI * k / 8), Math.Sin(2 * Math.PI * k / 8))).ToArray(), 0.01);

    /// <summary>25 modes on the grid {-4, -2, 0, 2, 4}^2, sd 0.05.</summary>
    public static GaussianMixture Grid() =>
        new("grid", (from x in new[] { -4, -2, 0, 2, 4 } from y in new[] { -4, -2, 0, 2, 4 } select ((double)x, (double)y)).ToArray(), 0.05);

    /// <summary>The mixture called <paramref name="name"/>: "ring" or "grid".</summary>
    public static GaussianMixture Named(string name) => name switch
    {
        "ring" => Ring(),
        "grid" => Grid(),
        _ => throw new ArgumentException($"unknown mixture '{name}': ring or grid", nameof(name)),
    };

    /// <summary>The mode centres as a (K, 2) float tensor.</summary>
    public Tensor Centres() => torch.tensor(Modes.SelectMany(m => new[] { (float)m.X, (float)m.Y }).ToArray()).reshape(Modes.Count, 2);

    /// <summary><paramref name="n"/> samples (n, 2): a uniformly chosen mode plus N(0, sd^2 I) noise.</summary>
    public Tensor Sample(int n, long seed)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one sample");
        TorchBackend.EnsureLoaded();
        using var generator = new torch.Generator(unchecked((ulong)seed));
        using var scope = torch.NewDisposeScope();
        var modes = torch.randint(Modes.Count, new long[] { n }, generator: generator);
        using var sd = Sd.ToScalar();
        var noise = torch.randn(new long[] { n, 2 }, generator: generator).mul(sd);
        return scope.MoveToOuter(Centres().index_select(0, modes) + noise);
    }
}
