using TorchSharp;

namespace GanDsl.Layers;

/// <summary>Keeps a module's tensors alive past the dispose scope it was built in.</summary>
internal static class ScopeSafe
{
    /// <summary>Detaches every parameter and buffer of <paramref name="module"/> from its dispose scope.
    /// Needed for TorchSharp's native-backed modules (nn.Embedding): their parameter wrappers are created
    /// in the active scope and would be disposed with it, leaving parameters() and save() with dead tensors.</summary>
    public static T Detach<T>(T module) where T : torch.nn.Module
    {
        foreach (var (_, parameter) in module.named_parameters()) parameter.DetachFromDisposeScope();
        foreach (var (_, buffer) in module.named_buffers()) buffer.DetachFromDisposeScope();
        return module;
    }
}
