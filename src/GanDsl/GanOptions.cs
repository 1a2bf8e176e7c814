namespace GanDsl;

/// <summary>Where tensors live. Auto picks CUDA when TorchSharp reports it available, else the CPU.
/// (Not named Device: that would be ambiguous with TorchSharp.torch.Device under <c>using static TorchSharp.torch;</c>.)</summary>
public enum ComputeDevice
{
    Auto,
    Cpu,
    Cuda,
}

/// <summary>Run-time choices that are not part of the model's declaration.</summary>
public sealed record GanOptions
{
    /// <summary>Seeds weight init, noise, shuffling and dropout.</summary>
    public long Seed { get; init; } = 42;

    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>Drop the last batch of an epoch when it is smaller than the batch size.</summary>
    public bool DropLastBatch { get; init; } = true;

    /// <summary>Write a metrics.csv row (and report progress) every this many steps.</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Images in the per-epoch sample grid (drawn from one fixed noise batch).</summary>
    public int GridSamples { get; init; } = 64;

    /// <summary>Also write a checkpoint every this many steps (0: only at the end of each epoch).</summary>
    public int CheckpointEvery { get; init; }
}
