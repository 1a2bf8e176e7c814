using TorchSharp;

namespace GanDsl;

internal static class DeviceSelection
{
    /// <summary>Auto: CUDA when TorchSharp reports it available, else CPU. Cuda without CUDA is an error, not a silent fallback.</summary>
    public static torch.Device Resolve(Device device) => device switch
    {
        Device.Cpu => torch.CPU,
        Device.Cuda when torch.cuda.is_available() => torch.CUDA,
        Device.Cuda => throw new System.InvalidOperationException("Device.Cuda was requested but TorchSharp reports no CUDA device (this package ships the CPU build of libtorch)."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
