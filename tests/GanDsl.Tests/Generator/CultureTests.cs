using System;
using System.Globalization;
using System.Linq;
using GanDsl.Generators;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>
/// The generator and the analyzer run inside the compiler, under the user's culture. Their messages and generated
/// code must read the same everywhere: ar-SA, fa-IR and sv-SE write the minus sign differently (U+061C, U+200E U+2212,
/// U+2212), de-DE and ar-SA the decimal separator.
/// </summary>
public class CultureTests
{
    public static readonly TheoryData<string> Cultures = new() { "de-DE", "ar-SA", "fa-IR", "sv-SE" };

    // Negative numbers and fractions in every place a message takes them from: attribute arguments, layer displays,
    // shape arithmetic, [Gan] options; and a valid model whose generated code holds fractions.
    private const string Source =
        "using GanDsl;\nnamespace T;\n" +
        "[GanGenerator(LatentDim = -5)] [Dense(-3), LeakyReLU(double.NaN)] public partial class G1 { }\n" +
        "[GanGenerator(LatentDim = 4)] [Dense(4), Reshape(1, 2, 2), ConvTranspose2d(1, Kernel = 1, Padding = 3)] public partial class G2 { }\n" +
        "[GanGenerator(LatentDim = 4)] [Dense(4), Reshape(-1, 2, -2), Upsample(-2)] public partial class G3 { }\n" +
        "[GanDiscriminator(1, 8, 8)] [Conv2d(1, Kernel = 3, Padding = -2), ZeroPad2d(-1, 0, 0, 0), Dropout(1.5), BatchNorm(Momentum = 1.5, Eps = -0.25)] [Flatten, Dense(1)] public partial class D1 { }\n" +
        "[GanGenerator(LatentDim = 16)] [Dense(64), LeakyReLU(0.2), BatchNorm(Momentum = 0.25, Eps = 1e-3)] [Dense(64), Tanh, Reshape(1, 8, 8)] public partial class G { }\n" +
        "[GanDiscriminator(1, 8, 8)] [Flatten, Dense(32), LeakyReLU(0.2), Dropout(0.3)] [Dense(1)] public partial class D { }\n" +
        "[Gan(typeof(G), typeof(D), LearningRate = 2.5e-4, Beta1 = 0.5, Beta2 = 0.999)] public partial class Pair { }\n" +
        "[Gan(typeof(G), typeof(D), LearningRate = -0.5, Beta1 = 1.5, Loss = (GanLoss)(-1))] public partial class BadPair { }\n";

    private static T Under<T>(CultureInfo culture, Func<T> work)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try { return work(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture0, ui0); }
    }

    /// <summary>Every GanDsl message and every generated file, as one text.</summary>
    private static string Everything()
    {
        var result = GeneratorHarness.Run(Source);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        return string.Join("\n", result.Gan.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
                   .Select(d => $"{d.Id} {d.Severity} {d.GetMessage()}"))
               + "\n" + string.Join("\n", result.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Messages_and_generated_code_do_not_depend_on_the_culture(string name)
    {
        var culture = new CultureInfo(name);
        // The test means something only where the culture really writes numbers differently.
        Assert.True((-3L).ToString(culture) != "-3" || 1.5.ToString(culture) != "1.5", $"{name} formats numbers like the invariant culture");

        string invariant = Under(CultureInfo.InvariantCulture, Everything);
        string local = Under(culture, Everything);

        Assert.Contains("got -3", invariant);
        Assert.Contains("got 1.5", invariant);
        Assert.Equal(invariant, local);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void GAN000_text_does_not_depend_on_the_culture(string name)
    {
        // An op the checker has no case for makes it throw; .NET formats numbers in exception messages with the current
        // culture unless told otherwise, and that message is what GAN000 shows.
        var spec = new NetworkSpec("T", "G", NetworkRole.Generator, new long[] { 4 }.ToEquatableArray(),
            new Op[] { new ThrowingOp(-5) }.ToEquatableArray(), EquatableArray<Problem>.Empty, false);
        string Failure() => ModuleOutput.From(spec)!.Failure;

        string invariant = Under(CultureInfo.InvariantCulture, Failure);
        string local = Under(new CultureInfo(name), Failure);

        Assert.Contains("-5", invariant);
        Assert.Equal(invariant, local);
    }

    /// <summary>An op of a kind the checker does not know (as a new op written without its case would be): the checker
    /// fails on it with its display in the message, which holds a negative number.</summary>
    private sealed record ThrowingOp(long Value) : Op
    {
        public override string Display => System.FormattableString.Invariant($"Unknown({Value})");
        public override string Stem => "unknown";
    }
}
