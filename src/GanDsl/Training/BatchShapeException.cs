using System;
using System.Linq;

namespace GanDsl;

/// <summary>The runtime twin of GAN001: a real batch whose per-sample shape is not the discriminator's input.</summary>
public sealed class BatchShapeException : ArgumentException
{
    public BatchShapeException(string discriminator, TensorShape expected, long[] actualBatchShape)
        : base($"{discriminator} expects batches of {expected} (batch shape (B, {string.Join(", ", expected.Dimensions)})) " +
               $"but the real batch has shape ({string.Join(", ", actualBatchShape)})" + LayoutHint(expected, actualBatchShape))
    {
        Expected = expected;
        Actual = actualBatchShape;
    }

    public TensorShape Expected { get; }
    public long[] Actual { get; }

    /// <summary>Flat data for an image discriminator (or the reverse) is the common case: say what to change.</summary>
    private static string LayoutHint(TensorShape expected, long[] actualBatchShape)
    {
        if (actualBatchShape.Length < 2) return "";
        long wanted = expected.Dimensions.Aggregate(1L, (a, d) => a * d);
        long got = actualBatchShape.Skip(1).Aggregate(1L, (a, d) => a * d);
        if (wanted != got) return "";
        string reshape = $"; both hold {wanted} values per sample, so only the layout differs: reshape the batch " +
                         $"(batch.reshape(-1, {string.Join(", ", expected.Dimensions)}))";
        // A discriminator can be declared on (N) or (C, H, W) only.
        int rank = actualBatchShape.Length - 1;
        return rank is 1 or 3
            ? reshape + $", or declare the discriminator on the data's shape ({string.Join(", ", actualBatchShape.Skip(1))}) and start it with [Flatten] or [Reshape(...)]"
            : reshape;
    }
}
