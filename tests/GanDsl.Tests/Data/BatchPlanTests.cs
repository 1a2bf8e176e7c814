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

    [Fact]
    public void The_rest_of_an_epoch_is_the_remaining_batches_and_with_another_batch_size_every_remaining_image_once()
    {
        var whole = BatchPlan.ForEpoch(100, 16, seed: 4, epoch: 2, dropLast: true);
        var rest = BatchPlan.ForEpochFrom(100, 16, seed: 4, epoch: 2, dropLast: true, skipImages: 3 * 16);
        Assert.Equal(whole.Skip(3).SelectMany(x => x), rest.SelectMany(x => x));

        // 48 seen in batches of 16; the other 52 in batches of 8, the last partial one dropped or kept.
        var eights = BatchPlan.ForEpochFrom(100, 8, seed: 4, epoch: 2, dropLast: true, skipImages: 48);
        Assert.Equal(6, eights.Length);
        var allOfThem = BatchPlan.ForEpochFrom(100, 8, seed: 4, epoch: 2, dropLast: false, skipImages: 48);
        var kept = BatchPlan.ForEpoch(100, 100, seed: 4, epoch: 2, dropLast: false)[0];
        Assert.Equal(kept.Skip(48), allOfThem.SelectMany(x => x));
        Assert.Empty(BatchPlan.ForEpochFrom(100, 8, seed: 4, epoch: 2, dropLast: true, skipImages: 100));
    }
}
