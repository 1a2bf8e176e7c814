using System;

namespace GanDsl;

/// <summary>The runtime twin of GAN001: a real batch whose per-sample shape is not the discriminator's input.</summary>
public sealed class BatchShapeException : ArgumentException
{
    public BatchShapeException(string discriminator, TensorShape expected, long[] actualBatchShape)
        : base($"{discriminator} expects batches of {expected} (batch shape (B, {string.Join(", ", expected.Dimensions)})) " +
               $"but the real batch has shape ({string.Join(", ", actualBatchShape)})")
    {
        Expected = expected;
        Actual = actualBatchShape;
    }

    public TensorShape Expected { get; }
    public long[] Actual { get; }
}
