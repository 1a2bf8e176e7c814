using System;
using System.Linq;
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

[Collection(SerialCollection.Name)]
public class ObjectiveMemoryTests
{
    [Fact]
    public void Live_tensor_count_stays_flat_with_gradient_penalty_r1_critic_steps_and_the_moving_average()
    {
        using var gan = new EverythingGan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        var batches = System.Linq.Enumerable.Range(0, 5).Select(_ => torch.randn(16, 3)).ToArray();
        for (int i = 0; i < 10; i++) gan.TrainStep(batches);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = torch.Tensor.TotalCount;

        for (int i = 0; i < 100; i++) gan.TrainStep(batches);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(before, torch.Tensor.TotalCount);
        foreach (var b in batches) b.Dispose();
    }
}
