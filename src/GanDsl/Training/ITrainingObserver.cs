namespace GanDsl;

/// <summary>
/// Something that runs at the end of each training epoch (an evaluator every N epochs, a custom log), added to a
/// model's <c>Observers</c>. It runs after the epoch's picture and checkpoint are written. Training's randomness is
/// seeded again before every step, so an observer may draw random numbers without changing the run; it must leave the
/// networks' weights and train/eval modes as it found them (sampling through the model's Sample does).
/// </summary>
public interface ITrainingObserver
{
    void EpochEnded(TrainingEpoch epoch);
}

/// <summary>The epoch just completed (1-based), the step counter, and the run folder (null when Fit has no output).</summary>
public sealed record TrainingEpoch(int Epoch, long Step, string? RunFolder);
