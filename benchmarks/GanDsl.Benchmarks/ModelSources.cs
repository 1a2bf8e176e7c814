using System.Text;

namespace GanDsl.Benchmarks;

/// <summary>The GanDsl models the benchmarks compile (build cost, analyzer profile, IDE latency): realistic triples,
/// no two alike. Every other triple is a graph: a residual block used twice inside a skip in the generator, and a
/// spectral-norm discriminator with a Concat skip and a global pool (the block class generates no file, so it is not
/// counted as a model).</summary>
internal static class ModelSources
{
    /// <summary>Triple <paramref name="i"/> (or its first <paramref name="classes"/> classes); sizes vary with i.</summary>
    public static string Triple(int i, int classes = 3) => i % 2 == 0 ? Stack(i, classes) : Graph(i, classes);

    private static string Stack(int i, int classes)
    {
        var text = new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({64 + i}), BatchNorm, LeakyReLU(0.2)]")
            .AppendLine("[Dense(8 * 7 * 7), ReLU, Reshape(8, 7, 7)]")
            .AppendLine("[ConvTranspose2d(16, Kernel = 5, Stride = 2, Same = true), BatchNorm, ReLU]")
            .AppendLine("[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true), Tanh]")
            .AppendLine($"public partial class G{i} {{ }}");
        if (classes == 1) return text.ToString();
        text.AppendLine("[GanDiscriminator(1, 28, 28)]")
            .AppendLine($"[Conv2d({16 + i % 5}, Kernel = 5, Stride = 2, Same = true), LeakyReLU(0.2), Dropout(0.3)]")
            .AppendLine("[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)]")
            .AppendLine("[Flatten, Dense(1)]")
            .AppendLine($"public partial class D{i} {{ }}");
        return Pair(text, i, classes);
    }

    private static string Graph(int i, int classes)
    {
        var text = new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine("[GanBlock]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, ReLU]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1), BatchNorm, Add(\"input\")]")
            .AppendLine($"public partial class Res{i} {{ }}")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({64 + i}), LeakyReLU(0.2)]")
            .AppendLine("[Dense(8 * 7 * 7), ReLU, Reshape(8, 7, 7), Tap(\"base\")]")
            .AppendLine($"[Block(typeof(Res{i}), Repeat = 2), Add(\"base\")]")
            .AppendLine("[ConvTranspose2d(16, Kernel = 5, Stride = 2, Same = true), InstanceNorm, ReLU]")
            .AppendLine("[ConvTranspose2d(1, Kernel = 5, Stride = 2, Same = true), Tanh]")
            .AppendLine($"public partial class G{i} {{ }}");
        if (classes == 1) return text.ToString();
        text.AppendLine("[GanDiscriminator(1, 28, 28)]")
            .AppendLine($"[Conv2d({16 + i % 5}, Kernel = 4, Stride = 2, Padding = 1, SpectralNorm = true), LeakyReLU(0.2), Tap(\"d1\")]")
            .AppendLine("[Conv2d(Channels.Same, Kernel = 3, Padding = 1, SpectralNorm = true), LeakyReLU(0.2), Concat(\"d1\")]")
            .AppendLine("[Conv2d(32, Kernel = 3, Stride = 2, Padding = 1), LeakyReLU(0.2)]")
            .AppendLine("[GlobalSumPool, Dense(1)]")
            .AppendLine($"public partial class D{i} {{ }}");
        return Pair(text, i, classes);
    }

    private static string Pair(StringBuilder text, int i, int classes) =>
        classes == 2
            ? text.ToString()
            : text.AppendLine($"[Gan(typeof(G{i}), typeof(D{i}))]").AppendLine($"public partial class Gan{i} {{ }}").ToString();
}
