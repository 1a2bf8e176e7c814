using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Layers;

/// <summary>The power method that estimates a weight's largest singular value for spectral normalisation
/// (Miyato et al. 2018), on the weight viewed as a matrix.</summary>
internal static class PowerIteration
{
    /// <summary>Added to norms before dividing, as in PyTorch's spectral_norm.</summary>
    public const double Eps = 1e-12;

    /// <summary>The weight as a matrix whose rows run along <paramref name="dim"/>: (weight.shape[dim], rest).</summary>
    public static Tensor AsMatrix(Tensor weight, int dim)
    {
        if (dim == 0) return weight.reshape(weight.shape[0], -1);
        var order = new long[] { dim }.Concat(Enumerable.Range(0, (int)weight.ndim).Where(d => d != dim).Select(d => (long)d)).ToArray();
        return weight.permute(order).reshape(weight.shape[dim], -1);
    }

    /// <summary>Runs <paramref name="iterations"/> steps v = normalize(Wᵀu), u = normalize(Wv), updating
    /// <paramref name="u"/> (rows) and <paramref name="v"/> (columns) in place, without recording gradients.</summary>
    public static void Run(Tensor matrix, Tensor u, Tensor v, int iterations)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        for (int i = 0; i < iterations; i++)
        {
            v.copy_(nn.functional.normalize(matrix.t().mv(u), p: 2, dim: 0, eps: Eps));
            u.copy_(nn.functional.normalize(matrix.mv(v), p: 2, dim: 0, eps: Eps));
        }
    }

    /// <summary>sigma = u · (W v): the largest singular value once u and v have converged; differentiable in W.</summary>
    public static Tensor Sigma(Tensor matrix, Tensor u, Tensor v) => u.dot(matrix.mv(v));
}
