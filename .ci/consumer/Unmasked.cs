using GanDsl;
using TorchSharp;

// `dotnet build` of this project must fail with each GANxxx below and no compiler error: a model with errors still
// gets the declaration half of its class, so code that names it compiles (one compiler error would stop the build
// before analyzers run, and hide every GanDsl diagnostic of the project).

// D has a bad argument; a class names the pair as type arguments (was: only CS0311).
[GanGenerator(LatentDim = 8)] [Dense(2)] public partial class G { }
[GanDiscriminator(2)] [Dense(16), Dropout(1.5)] [Dense(1)] public partial class D { }
public class Holder { public GanModel<G, D>? Model; }

// An unrelated GAN001 elsewhere in the project (was hidden by that CS0311).
[GanGenerator(LatentDim = 8)] [Dense(9)] public partial class SmallGenerator { }
[GanDiscriminator(1, 4, 4)] [Flatten, Dense(1)] public partial class SmallDiscriminator { }
[Gan(typeof(SmallGenerator), typeof(SmallDiscriminator))] public partial class SmallGan { }

// A forward written by hand is GAN007 (was: CS0115, no forward to override).
[GanGenerator(LatentDim = 8)] [Dense(2)]
public partial class HandWrittenGenerator { public override torch.Tensor forward(torch.Tensor input) => input; }

public static class Program
{
    public static void Main()
    {
        // Code that uses the broken models compiles as well; it would throw InvalidOperationException if it ran.
        using var gan = new SmallGan();
        Console.WriteLine($"{D.InputShape} {SmallGan.LatentDim} {gan.Sample(1)}");
    }
}
