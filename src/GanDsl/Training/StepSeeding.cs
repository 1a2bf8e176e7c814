using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>Seeds TorchSharp's global generators from (run seed, step) before a step, so a resumed run draws the same
/// noise and dropout masks as an uninterrupted one, and anything drawn between steps (an evaluator's sampling, say)
/// cannot change what training draws.</summary>
internal static class StepSeeding
{
    public static void Seed(long runSeed, long step, Device device)
    {
        long seed = unchecked(runSeed * 1_000_003L + step);
        torch.random.manual_seed(seed);
        if (device.type == DeviceType.CUDA) torch.cuda.manual_seed_all(seed);
    }
}
