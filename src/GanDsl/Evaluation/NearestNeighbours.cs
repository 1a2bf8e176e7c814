using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Squared Euclidean distances between feature rows, computed as |a|^2 + |b|^2 - 2 a.b in float64, a block of
/// rows at a time so that no N x M matrix of a large set is ever held whole.
/// </summary>
internal static class NearestNeighbours
{
    /// <summary>Rows per block: a 1,024 x 10,000 float64 block is 80 MB.</summary>
    public const int BlockRows = 1024;

    /// <summary>Squared distances (rows x M) from <paramref name="rows"/> to every row of <paramref name="columns"/>.</summary>
    public static Tensor SquaredDistances(Tensor rows, Tensor columns, Tensor columnNorms)
    {
        // One GEMM with the column norms as its bias, then in place: no extra rows x M temporaries.
        var d = columnNorms.unsqueeze(0).addmm(rows, columns.t(), beta: 1, alpha: -2);
        return d.add_(rows.square().sum(1, keepdim: true)).clamp_min_(Scalars.Zero);
    }

    /// <summary>Calls <paramref name="visit"/> with (first row, squared distances of a block of rows to all columns);
    /// each block's tensors are freed after the call.</summary>
    public static void ForEachBlock(Tensor rows, Tensor columns, Action<long, Tensor> visit)
    {
        using var scope = torch.NewDisposeScope();
        var columnNorms = columns.square().sum(1);
        for (long start = 0; start < rows.shape[0]; start += BlockRows)
        {
            using var inner = torch.NewDisposeScope();
            var block = rows.narrow(0, start, Math.Min(BlockRows, rows.shape[0] - start));
            visit(start, SquaredDistances(block, columns, columnNorms));
        }
    }

    /// <summary>Squared distance from each row to its k-th nearest other row of the same set, for each k asked
    /// (one (N) tensor per k, from one pass): the radii of the k-NN balls. The row itself is the nearest (distance 0)
    /// and is skipped.</summary>
    public static Tensor[] KthNeighbourRadii(Tensor features, params int[] ks)
    {
        int largest = 0;
        foreach (int k in ks)
        {
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(ks), k, "k must be at least 1");
            largest = Math.Max(largest, k);
        }
        if (features.shape[0] <= largest)
            throw new ArgumentException($"k = {largest} nearest neighbours need more than {largest} rows; got {features.shape[0]}", nameof(features));
        var radii = new Tensor[ks.Length];
        for (int i = 0; i < ks.Length; i++) radii[i] = torch.empty(features.shape[0], dtype: ScalarType.Float64);
        ForEachBlock(features, features, (start, d) =>
        {
            var (values, _) = d.topk(largest + 1, dim: 1, largest: false, sorted: true);
            for (int i = 0; i < ks.Length; i++)
                radii[i].narrow(0, start, d.shape[0]).copy_(values.select(1, ks[i]));
        });
        return radii;
    }
}
