using GanDsl;
using GanDsl.Data;

// Built without a libtorch backend package: GanDsl's first TorchSharp use must say which packages to add.
[GanGenerator(LatentDim = 16)]
[Dense(49), Tanh]
[Reshape(1, 7, 7)]
public partial class TinyGenerator { }

[GanDiscriminator(1, 7, 7)]
[Flatten, Dense(1)]
public partial class TinyDiscriminator { }

[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator))]
public partial class TinyGan { }

public static class Program
{
    public static int Main()
    {
        try
        {
            using var data = FashionMnist.LoadBundled();
            Console.WriteLine("no-backend: loading data did not fail");
            return 2;
        }
        catch (TorchBackendMissingException e)
        {
            Console.WriteLine($"no-backend: loading data: {e.GetType().Name}: {e.Message}");
        }
        // Not caught: the process ends with the exception, as a user's program would.
        using var gan = new TinyGan(new GanOptions { Seed = 1, Device = ComputeDevice.Cpu });
        Console.WriteLine("no-backend: creating a model did not fail");
        return 3;
    }
}
