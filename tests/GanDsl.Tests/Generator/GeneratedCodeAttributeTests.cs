using System.Reflection;
using GanDsl.Generators;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>[GeneratedCode] names the generator that wrote a file with its real version, the package's.</summary>
public class GeneratedCodeAttributeTests
{
    [Fact]
    public void Generated_code_carries_the_generators_real_version_which_is_the_packages()
    {
        static string VersionOf(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        string generator = VersionOf(typeof(GanSourceGenerator).Assembly);
        Assert.Equal(VersionOf(typeof(GanModel<,>).Assembly), generator);

        var result = GeneratorHarness.Run(SeedSources.Read("MlpModels.cs"));
        Assert.Equal(3, result.Sources.Count);
        foreach (var text in result.Sources.Values)
            Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"GanDsl.Generators\", \"{generator}\")]", text);
    }
}
