using System.Linq;
using Xunit;

namespace GanDsl.Tests.Generator;

public class SnapshotTests
{
    [Theory]
    [InlineData("MlpModels.cs", "MlpGenerator", "MlpDiscriminator", "FashionMlpGan")]
    [InlineData("DcganModels.cs", "DcganGenerator", "DcganDiscriminator", "FashionDcgan")]
    [InlineData("CifarModels.cs", "CifarGenerator", "CifarDiscriminator", "CifarDcgan")]
    public void Seed_models_generate_the_pinned_code(string file, string generator, string discriminator, string gan)
    {
        var result = GeneratorHarness.Run(SeedSources.Read(file));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        var expectedHints = new[] { generator, discriminator, gan }.Select(n => $"GanDsl.Examples.Models.{n}.g.cs").OrderBy(n => n);
        Assert.Equal(expectedHints, result.Sources.Keys.OrderBy(n => n));
        foreach (var (hint, text) in result.Sources)
            Snapshot.Match(hint.Replace(".g.cs", ""), text);
    }

    [Fact]
    public void Conditional_example_models_generate_the_pinned_code()
    {
        // cgan and cdcgan: conditional pairs whose [Gan] halves are full GanModels carrying Classes into the definition.
        var result = GeneratorHarness.Run(SeedSources.Read("ConditionalModels.cs"));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        var names = new[] { "CganGenerator", "CganDiscriminator", "FashionCgan", "CdcganGenerator", "CdcganDiscriminator", "FashionCdcgan" };
        Assert.Equal(names.Select(n => $"GanDsl.Examples.Models.{n}.g.cs").OrderBy(n => n), result.Sources.Keys.OrderBy(n => n));
        foreach (var (hint, text) in result.Sources)
            Snapshot.Match(hint.Replace(".g.cs", ""), text);
    }

    [Fact]
    public void Conditional_recipe_models_generate_the_pinned_code()
    {
        // cdcgan-decay, cdcgan-ac and cdcgan-cbn reuse cdcgan's networks, so both files compile together; cdcgan's own files are
        // pinned above.
        var result = GeneratorHarness.Run(SeedSources.Read("ConditionalModels.cs"), SeedSources.Read("ConditionalRecipeModels.cs"));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        foreach (var name in new[] { "FashionCdcganDecay", "FashionCdcganAc", "FashionCdcganMs", "CdcganUpsampleGenerator", "FashionCdcganUp", "FashionCdcganUpMs", "CdcganCbnGenerator", "FashionCdcganCbn" })
            Snapshot.Match("GanDsl.Examples.Models." + name, result.Sources[$"GanDsl.Examples.Models.{name}.g.cs"]);
    }
}

/// <summary>The generated code of graph networks (tests/GanDsl.Tests/Graphs/GraphModels.cs, which the test project also
/// compiles and runs): the conditional pair, the U-Net and the ResNet generator with its residual blocks, pinned.</summary>
public class GraphSnapshotTests
{
    [Fact]
    public void Graph_models_generate_the_pinned_code()
    {
        var result = GeneratorHarness.Run(GraphSources.Read("GraphModels.cs"));

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && !d.IsSuppressed));
        foreach (var name in new[] { "ConditionalMlpGenerator", "ConditionalMlpDiscriminator", "UNetGenerator", "ResNetGenerator" })
            Snapshot.Match("GanDsl.Tests.Graphs." + name, result.Sources[$"GanDsl.Tests.Graphs.{name}.g.cs"]);
        // Blocks get no file of their own: each network that uses one holds a nested module per input shape.
        Assert.DoesNotContain("GanDsl.Tests.Graphs.ResidualBlock.g.cs", result.Sources.Keys);
    }
}

/// <summary>The declaration halves of models with errors, pinned like the full ones: a generator with a bad argument,
/// a discriminator with a user-declared forward (left out of its half), and their [Gan].</summary>
public class DeclarationHalfSnapshotTests
{
    private const string Source =
        "using GanDsl;\nusing TorchSharp;\nnamespace Models;\n" +
        "[GanGenerator(LatentDim = 64)]\n[Dense(256), LeakyReLU(0.2), Dropout(1.5)]\n[Dense(784), Tanh, Reshape(1, 28, 28)]\npublic partial class BrokenGenerator { }\n" +
        "[GanDiscriminator(1, 28, 28)]\n[Flatten, Dense(1)]\n" +
        "public partial class HandWrittenDiscriminator { public override torch.Tensor forward(torch.Tensor input) => input; }\n" +
        "[Gan(typeof(BrokenGenerator), typeof(HandWrittenDiscriminator), Loss = GanLoss.Minimax, LearningRate = 1e-4)]\npublic partial class BrokenGan { }\n";

    [Fact]
    public void Models_with_errors_generate_the_pinned_declaration_halves()
    {
        var result = GeneratorHarness.Run(Source);

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Equal(new[] { "GAN006", "GAN007" }, result.Errors.Select(d => d.Id).OrderBy(i => i));
        Assert.Equal(new[] { "Models.BrokenGan.g.cs", "Models.BrokenGenerator.g.cs", "Models.HandWrittenDiscriminator.g.cs" }, result.Sources.Keys.OrderBy(n => n));
        foreach (var (hint, text) in result.Sources)
        {
            Assert.True(GeneratorHarness.IsDeclarationOnly(text), hint);
            Snapshot.Match("DeclarationHalf." + hint.Replace(".g.cs", ""), text);
        }
    }
}
