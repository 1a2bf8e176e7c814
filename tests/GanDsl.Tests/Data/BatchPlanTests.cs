using System.Linq;
using GanDsl.Data;
using Xunit;

namespace GanDsl.Tests.Data;

public sealed class BatchPlanTests
{
    [Fact]
    public void Same_seed_and_epoch_give_the_same_batches_and_other_epochs_reshuffle()
    {
        var a = BatchPlan.ForEpoch(100, 16, seed: 3, epoch: 0, dropLast: true);
        var b = BatchPlan.ForEpoch(100, 16, seed: 3, epoch: 0, dropLast: true);
        var c = BatchPlan.ForEpoch(100, 16, seed: 3, epoch: 1, dropLast: true);
        Assert.Equal(a.SelectMany(x => x), b.SelectMany(x => x));
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
    }

    [Fact]
    public void Drop_last_drops_the_partial_batch_and_keep_keeps_it()
    {
        var dropped = BatchPlan.ForEpoch(100, 16, seed: 1, epoch: 0, dropLast: true);
        Assert.Equal(6, dropped.Length);
        Assert.All(dropped, batch => Assert.Equal(16, batch.Length));

        var kept = BatchPlan.ForEpoch(100, 16, seed: 1, epoch: 0, dropLast: false);
        Assert.Equal(7, kept.Length);
        Assert.Equal(4, kept[^1].Length);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), kept.SelectMany(x => x).Order());
    }
}
