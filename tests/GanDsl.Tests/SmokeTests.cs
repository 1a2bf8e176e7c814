using TorchSharp;
using Xunit;

namespace GanDsl.Tests;

public class TorchSharpLoadsTests
{
    [Fact]
    public void TorchSharp_native_library_loads_and_computes()
    {
        using var a = torch.ones(2, 3);
        using var b = a.sum();
        Assert.Equal(6f, b.item<float>());
    }
}
