using System.IO;
using System.Linq;
using Xunit;

namespace GanDsl.Tests.Packaging;

/// <summary>Every C# block of README.md compiles as a user's file with GanDsl's generator and analyzer, so the
/// README cannot drift from the API. A block fenced <c>```csharp misfit GAN001</c> must report exactly GAN001.</summary>
public sealed class ReadmeCodeTests
{
    [Fact]
    public void Every_csharp_block_in_the_README_compiles_without_errors_or_unexpected_GanDsl_diagnostics()
    {
        var blocks = MarkdownCodeBlocks.CSharp(File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "README.md")));
        Assert.NotEmpty(blocks);
        var problems = blocks.SelectMany(b => CodeBlockCheck.Problems(b).Select(p => $"README.md block at line {b.Line}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Fences_are_read_with_their_language_and_misfit_tags()
    {
        var blocks = MarkdownCodeBlocks.CSharp("text\n```bash\nls\n```\n```csharp\nclass A { }\n```\n```cs misfit GAN001 GAN008\nclass B { }\n```\n");
        Assert.Equal(2, blocks.Count);
        Assert.Equal((5, "class A { }"), (blocks[0].Line, blocks[0].Code));
        Assert.Empty(blocks[0].ExpectedDiagnostics);
        Assert.Equal(new[] { "GAN001", "GAN008" }, blocks[1].ExpectedDiagnostics);
    }

    private const string Misfit = """
        using GanDsl;
        [GanGenerator(LatentDim = 8)]
        [Dense(49), Reshape(1, 7, 7)]
        public partial class G { }
        [GanDiscriminator(1, 8, 8)]
        [Flatten, Dense(1)]
        public partial class D { }
        [Gan(typeof(G), typeof(D))]
        public partial class P { }
        """;

    [Fact]
    public void The_check_reports_compile_errors_and_misfits_that_are_not_marked()
    {
        Assert.NotEmpty(CodeBlockCheck.Problems(new CSharpBlock(1, new string[0], "var x = Device.Nowhere;")));
        Assert.Contains(CodeBlockCheck.Problems(new CSharpBlock(1, new string[0], Misfit)), p => p.Contains("GAN001"));
    }

    [Fact]
    public void A_block_marked_misfit_must_report_exactly_its_diagnostic()
    {
        Assert.Empty(CodeBlockCheck.Problems(new CSharpBlock(1, new[] { "misfit", "GAN001" }, Misfit)));
        Assert.Contains(CodeBlockCheck.Problems(new CSharpBlock(1, new[] { "misfit", "GAN002" }, Misfit)), p => p.Contains("GAN002 is not reported"));
        Assert.NotEmpty(CodeBlockCheck.Problems(new CSharpBlock(1, new[] { "misfit", "GAN001" }, "using GanDsl; public class Fine { }")));
    }
}
