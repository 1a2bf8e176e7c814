using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>The analyzer reads each network once per compilation: a [Gan] takes its networks' results instead of reading
/// them again (however many [Gan]s pair them, and with concurrent execution on), and a new compilation reads again, so
/// an edit is never answered from the previous compilation. Counted through the analyzer's read hook, not timed.</summary>
public class AnalyzerCachingTests
{
    private const string Models =
        "using GanDsl;\nnamespace T;\n" +
        "[GanBlock]\n[Conv2d(Channels.Same, Kernel = 3, Padding = 1), ReLU, Add(\"input\")]\npublic partial class Res { }\n" +
        "[GanGenerator(LatentDim = 8)]\n[Dense(49), Reshape(1, 7, 7), Block(typeof(Res), Repeat = 2)]\npublic partial class G { }\n" +
        "[GanDiscriminator(1, 8, 8)]\n[Flatten, Dense(1)]\npublic partial class D { }\n" +
        "[GanGenerator(LatentDim = 4)]\n[Dense(64), Reshape(1, 8, 8)]\npublic partial class Fits { }\n";

    private const string Pairs =
        "using GanDsl;\nnamespace T;\n" +
        "[Gan(typeof(G), typeof(D))]\npublic partial class First { }\n" +
        "[Gan(typeof(G), typeof(D))]\npublic partial class Second { }\n" +
        "[Gan(typeof(Fits), typeof(D))]\npublic partial class Third { }\n";

    private static (string[] Reads, string[] Gan) Analyze(Compilation compilation)
    {
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        var reads = new ConcurrentQueue<string>();
        var analyzer = new GanModelAnalyzer { NetworkRead = type => reads.Enqueue(type.Name) };
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (reads.OrderBy(r => r, System.StringComparer.Ordinal).ToArray(),
            diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)}: {d.GetMessage()}")
                .OrderBy(d => d, System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Each_network_is_read_once_however_many_gans_pair_it()
    {
        var (reads, gan) = Analyze(GeneratorHarness.Compilation(Models, Pairs));

        Assert.Equal(new[] { "D", "Fits", "G", "Res" }, reads);
        // The [Gan]s still get their pairs' results: G's (1, 7, 7) does not fit D's (1, 8, 8), Fits's output does.
        Assert.Equal(new[]
        {
            "GAN001 Gan(typeof(G), typeof(D)): G produces (1, 7, 7) but D expects (1, 8, 8)",
            "GAN001 Gan(typeof(G), typeof(D)): G produces (1, 7, 7) but D expects (1, 8, 8)",
        }, gan);
    }

    [Fact]
    public void A_new_compilation_reads_again_and_sees_the_edit()
    {
        var compilation = GeneratorHarness.Compilation(Models, Pairs);
        var old = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            Models.Replace("[GanDiscriminator(1, 8, 8)]", "[GanDiscriminator(1, 7, 7)]"), GeneratorHarness.ParseOptions, old.FilePath));

        Analyze(compilation);
        var (reads, gan) = Analyze(edited);

        Assert.Equal(new[] { "D", "Fits", "G", "Res" }, reads);
        Assert.Equal(new[] { "GAN001 Gan(typeof(Fits), typeof(D)): Fits produces (1, 8, 8) but D expects (1, 7, 7)" },
            gan.Select(g => g.Split(';')[0]).ToArray());
    }
}
