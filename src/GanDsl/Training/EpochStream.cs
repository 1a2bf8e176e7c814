using GanDsl.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// The real batches of a run, epoch after epoch in each epoch's seeded order (<see cref="BatchPlan"/>), starting at a
/// run's position (epoch, images of it already seen). A step may draw several batches (one per discriminator update)
/// and so may end an epoch in its middle and go on into the next: the stream then counts the epoch as completed and
/// its position is already in the next one. With one batch per step this is exactly the epoch loop of before.
/// </summary>
internal sealed class EpochStream : IRealBatches
{
    private readonly ImageDataset _data;
    private readonly int _batchSize;
    private readonly long _seed;
    private readonly bool _dropLast;
    private long[][] _plan;
    private int _next;

    public EpochStream(ImageDataset data, int batchSize, long seed, bool dropLast, int epoch, long imagesInEpoch)
    {
        _data = data;
        _batchSize = batchSize;
        _seed = seed;
        _dropLast = dropLast;
        Epoch = epoch;
        ImagesInEpoch = imagesInEpoch;
        _plan = BatchPlan.ForEpochFrom(data.Count, batchSize, seed, epoch, dropLast, imagesInEpoch);
        // A resumed epoch whose remaining images make no batch of this size is over.
        if (_plan.Length == 0) NextEpoch();
    }

    /// <summary>The epoch the next batch comes from (= epochs completed).</summary>
    public int Epoch { get; private set; }

    /// <summary>Images of <see cref="Epoch"/> drawn so far.</summary>
    public long ImagesInEpoch { get; private set; }

    /// <summary>Epochs completed since the last <see cref="TakeCompleted"/>.</summary>
    private int _completed;

    public int TakeCompleted()
    {
        int completed = _completed;
        _completed = 0;
        return completed;
    }

    public RealBatch Next()
    {
        var indices = _plan[_next++];
        ImagesInEpoch += indices.Length;
        if (_next == _plan.Length) NextEpoch();
        using var index = torch.tensor(indices, dtype: ScalarType.Int64);
        return new RealBatch(_data.Images.index_select(0, index), _data.Labels?.index_select(0, index));
    }

    private void NextEpoch()
    {
        _completed++;
        Epoch++;
        ImagesInEpoch = 0;
        _plan = BatchPlan.ForEpoch(_data.Count, _batchSize, _seed, Epoch, _dropLast);
        _next = 0;
    }
}
