using System;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Training;

[Collection(SerialCollection.Name)]
public class MemoryTests
{
    [Fact]
    public void Live_tensor_count_stays_flat_over_hundreds_of_steps()
    {
        using var gan = new TinyGan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        using var data = TinyData.Create(16);
        for (int i = 0; i < 20; i++) gan.TrainStep(data.Images); // optimizer state is allocated in the first steps
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = torch.Tensor.TotalCount;

        for (int i = 0; i < 300; i++) gan.TrainStep(data.Images);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(before, torch.Tensor.TotalCount);
    }
}
