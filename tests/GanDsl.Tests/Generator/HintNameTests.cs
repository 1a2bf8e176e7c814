using System.Linq;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>Two AddSource calls with hint names that are equal ignoring case make the whole generator fail (CS8785)
/// and lose every generated file, so GanDsl must never produce them, even for invalid code.</summary>
public class HintNameTests
{
    private const string Header = "using GanDsl;\nnamespace N;\n";

    private const string Discriminator =
        "[GanDiscriminator(1, 28, 28)]\n[Flatten, Dense(1)]\npublic partial class D { }\n";

    [Fact]
    public void Role_attribute_repeated_on_two_partial_declarations_adds_the_file_once()
    {
        var result = GeneratorHarness.Run(
            Header + "[GanGenerator(LatentDim = 4)]\npublic partial class G { }\n" + Discriminator,
            Header + "[GanGenerator(LatentDim = 4)]\n[Dense(784), Tanh, Reshape(1, 28, 28)]\npublic partial class G { }\n");

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Contains(result.Diagnostics, d => d.Id == "CS0579"); // the compiler's duplicate-attribute error
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Contains("N.D.g.cs", result.Sources.Keys); // the other models' files are not lost
    }

    [Fact]
    public void Classes_whose_names_differ_only_in_case_get_GAN007_instead_of_losing_every_file()
    {
        var result = GeneratorHarness.Run(Header +
            "[GanGenerator(LatentDim = 4)]\n[Dense(784), Tanh, Reshape(1, 28, 28)]\npublic partial class Gen { }\n" +
            "[GanGenerator(LatentDim = 8)]\n[Dense(784), Tanh, Reshape(1, 28, 28)]\npublic partial class GEN { }\n" +
            Discriminator);

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "AD0001");
        var gan007 = result.Gan.Where(d => d.Id == "GAN007").Select(d => d.GetMessage()).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "[GanGenerator] GEN has the same name as Gen except for case; generated file names ignore case, so GanDsl cannot write both; rename one",
            "[GanGenerator] Gen has the same name as GEN except for case; generated file names ignore case, so GanDsl cannot write both; rename one",
        }, gan007);
        Assert.Equal(new[] { "N.D.g.cs" }, result.Sources.Keys.ToArray());
    }
}
