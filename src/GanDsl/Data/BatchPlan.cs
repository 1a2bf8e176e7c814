using System;

namespace GanDsl.Data;

/// <summary>Seeded shuffling and batching: the same seed and epoch always give the same batches.</summary>
public static class BatchPlan
{
    /// <summary>Sample indices of each batch of one epoch.</summary>
    public static long[][] ForEpoch(int count, int batchSize, long seed, int epoch, bool dropLast) =>
        ForEpochFrom(count, batchSize, seed, epoch, dropLast, skipImages: 0);

    /// <summary>The batches of the rest of an epoch after its first <paramref name="skipImages"/> images (in the
    /// epoch's shuffled order, which does not depend on the batch size) were trained on: with the batch size they
    /// were seen in, exactly the remaining batches of <see cref="ForEpoch"/>; with another, every remaining image once.</summary>
    public static long[][] ForEpochFrom(int count, int batchSize, long seed, int epoch, bool dropLast, long skipImages)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
        if (skipImages < 0) throw new ArgumentOutOfRangeException(nameof(skipImages));
        var order = Order(count, seed, epoch);
        int start = (int)Math.Min(skipImages, count);
        int batches = BatchCount(count - start, batchSize, dropLast);
        var plan = new long[batches][];
        for (int b = 0; b < batches; b++)
        {
            int first = start + b * batchSize;
            plan[b] = order.AsSpan(first, Math.Min(batchSize, count - first)).ToArray();
        }
        return plan;
    }

    public static int BatchCount(int count, int batchSize, bool dropLast) =>
        dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;

    private static long[] Order(int count, long seed, int epoch)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        // System.Random with an explicit seed is a fixed algorithm, so plans are stable across runs and machines.
        var random = new Random(unchecked((int)(seed * 1_000_003L + epoch * 7919L) ^ (int)(seed >> 32)));
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
