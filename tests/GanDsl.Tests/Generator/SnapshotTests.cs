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
}
