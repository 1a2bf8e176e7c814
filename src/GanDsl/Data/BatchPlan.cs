using System;

namespace GanDsl.Data;

/// <summary>Seeded shuffling and batching: the same seed and epoch always give the same batches.</summary>
public static class BatchPlan
{
    /// <summary>Sample indices of each batch of one epoch.</summary>
    public static long[][] ForEpoch(int count, int batchSize, long seed, int epoch, bool dropLast)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        // System.Random with an explicit seed is a fixed algorithm, so plans are stable across runs and machines.
        var random = new Random(unchecked((int)(seed * 1_000_003L + epoch * 7919L) ^ (int)(seed >> 32)));
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int batches = BatchCount(count, batchSize, dropLast);
        var plan = new long[batches][];
        for (int b = 0; b < batches; b++)
            plan[b] = order.AsSpan(b * batchSize, Math.Min(batchSize, count - b * batchSize)).ToArray();
        return plan;
    }

    public static int BatchCount(int count, int batchSize, bool dropLast) =>
        dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
}
