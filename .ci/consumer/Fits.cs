using GanDsl;
using GanDsl.Data;
using TorchSharp;

[GanGenerator(LatentDim = 16)]
[Dense(64), ReLU]
[Dense(49), Tanh]
[Reshape(1, 7, 7)]
public partial class TinyGenerator { }

[GanDiscriminator(1, 7, 7)]
[Flatten, Dense(32), LeakyReLU(0.2)]
[Dense(1)]
public partial class TinyDiscriminator { }

[Gan(typeof(TinyGenerator), typeof(TinyDiscriminator))]
public partial class TinyGan { }

public static class Program
{
    public static int Main()
    {
        // Generated members a user reads in the editor (tools/GanDsl.LspCheck goes to their definitions and hovers them).
        Console.WriteLine($"consumer: TinyGenerator makes {TinyGenerator.OutputShape}");
        Console.Write(TinyGenerator.Summary());
        using var gan = new TinyGan(new GanOptions { Seed = 1, Device = ComputeDevice.Cpu });
        using var real = torch.rand(8, 1, 7, 7) * 2 - 1;
        var step = gan.TrainStep(real);
        Console.WriteLine($"consumer: step {gan.Step}, D loss {step.DLoss:F4}, G loss {step.GLoss:F4}");
        // The t10k subset travels inside GanDsl.dll: a package user needs no data folder.
        using var data = FashionMnist.LoadBundled();
        Console.WriteLine($"consumer: {data.Count} images of {data.ImageShape} from {data.Source}");
        return double.IsFinite(step.DLoss) && double.IsFinite(step.GLoss) && gan.Step == 1
            && data.Count == 10_000 && data.Source == FashionMnist.BundledSource ? 0 : 1;
    }
}
