using System.Text;

namespace GanDsl.Benchmarks;

/// <summary>The GanDsl models the benchmarks compile: realistic DCGAN-style triples, no two alike.</summary>
internal static class ModelSources
{
    /// <summary>A realistic model triple (or its first <paramref name="classes"/> classes); sizes vary with i so no
    /// two classes are alike.</summary>
    public static string Triple(int i, int classes = 3)
    {
        int hidden = 64 + i;
        var text = new StringBuilder()
            .AppendLine("using GanDsl;")
            .AppendLine("namespace Bench;")
            .AppendLine($"[GanGenerator(LatentDim = {32 + i % 7})]")
            .AppendLine($"[Dense({hidden}), BatchNorm, LeakyReLU(0.2)]")
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
        if (classes == 2) return text.ToString();
        return text.AppendLine($"[Gan(typeof(G{i}), typeof(D{i}))]")
            .AppendLine($"public partial class Gan{i} {{ }}")
            .ToString();
    }
}
