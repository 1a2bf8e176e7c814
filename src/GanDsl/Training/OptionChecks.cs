using System;

namespace GanDsl;

/// <summary>Checks of run-time options and arguments, made before any work so a bad value fails at once with a
/// message naming it, not after an epoch of training or inside libtorch.</summary>
internal static class OptionChecks
{
    public static void Validate(GanOptions options)
    {
        if (options.LogEvery < 1)
            throw Bad(nameof(GanOptions.LogEvery), options.LogEvery, "must be at least 1 (a metrics row and progress report every this many steps)");
        if (options.GridSamples < 1)
            throw Bad(nameof(GanOptions.GridSamples), options.GridSamples, "must be at least 1 (samples in each sample picture)");
        if (options.CheckpointEvery < 0)
            throw Bad(nameof(GanOptions.CheckpointEvery), options.CheckpointEvery, "must be 0 (checkpoints at epoch ends only) or more");
    }

    public static void FitArguments(int epochs, int batchSize, long? maxSteps)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        if (maxSteps < 0) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be 0 or more");
    }

    public static void Count(long n, string parameter, string what)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(parameter, n, $"{what} must be at least 1; got {n}");
    }

    private static ArgumentException Bad(string option, int value, string rule) =>
        new($"GanOptions.{option} {rule}; got {value}", "options");
}
