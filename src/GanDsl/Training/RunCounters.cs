using System;

namespace GanDsl;

/// <summary>Where a run is: the counters a checkpoint records and a resumed Fit continues from. Randomness is derived
/// from (seed, step) and the batch plan from (seed, epoch), so these and the seed are the whole position.</summary>
internal sealed class RunCounters
{
    /// <summary>Identifies one run across resumes (null for checkpoints written before run ids existed).</summary>
    public string? RunId { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Steps taken so far.</summary>
    public long Step { get; set; }

    /// <summary>Epochs completed so far.</summary>
    public int Epoch { get; set; }

    /// <summary>Steps taken since the last epoch ended (informational; the position in the epoch is ImagesInEpoch).</summary>
    public long StepInEpoch { get; set; }

    /// <summary>Images of the current epoch's shuffled order already trained on; a resumed Fit continues after them,
    /// whatever its batch size.</summary>
    public long ImagesInEpoch { get; set; }

    /// <summary>Set when a checkpoint from before ImagesInEpoch was recorded is restored: its position is known only
    /// in batches, of the size the resuming Fit uses (as those versions assumed).</summary>
    public long? LegacyStepsInEpoch { get; set; }

    /// <summary>The batch size of the last Fit, recorded in checkpoints.</summary>
    public int? BatchSize { get; set; }

    /// <summary>Where in the epoch's shuffled order a Fit with <paramref name="batchSize"/> starts.</summary>
    public long StartOfEpochRemainder(int batchSize)
    {
        if (LegacyStepsInEpoch is { } steps)
        {
            ImagesInEpoch = steps * batchSize;
            LegacyStepsInEpoch = null;
        }
        return ImagesInEpoch;
    }
}
