using TorchSharp;

namespace GanDsl;

internal static class DeviceSelection
{
    /// <summary>Auto: CUDA when TorchSharp reports it available, else CPU. Cuda without CUDA is an error, not a silent fallback.</summary>
    public static torch.Device Resolve(ComputeDevice device)
    {
        TorchBackend.EnsureLoaded(); // the first TorchSharp call of a model: a missing backend is named here
        return device switch
        {
            ComputeDevice.Cpu => torch.CPU,
            ComputeDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
            ComputeDevice.Cuda => throw new System.InvalidOperationException(
                "ComputeDevice.Cuda was requested but TorchSharp reports no CUDA device: the application needs the CUDA backend "
                + "(TorchSharp-cuda-linux or TorchSharp-cuda-windows instead of TorchSharp-cpu), an NVIDIA GPU and its driver."),
            _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }
}
