using System;
using System.Linq;
using GanDsl.Generators;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>GAN000: when GanDsl fails on a class (a bug in GanDsl), the generator neither throws (CS8785 would drop
/// every generated file) nor stays silent (the class would just lack its generated half): it reports GAN000.</summary>
public class InternalErrorTests
{
    /// <summary>Stands in for the generator's source output, so a failure can be fed to the real reporting path.</summary>
    private sealed class OutputGenerator(ModuleOutput output) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.CompilationProvider, (spc, _) => output.AddTo(spc));
    }

    private static (Diagnostic[] Diagnostics, GeneratorRunResult Run) Drive(ModuleOutput output)
    {
        var driver = CSharpGeneratorDriver.Create(new OutputGenerator(output).AsSourceGenerator())
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation("namespace T; class C { }"), out _, out var diagnostics);
        return (diagnostics.ToArray(), driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void A_failure_is_reported_as_GAN000_naming_the_class_and_the_error()
    {
        var (diagnostics, run) = Drive(ModuleOutput.Failed("T.G", FailureText.Of(new InvalidOperationException("boom\nsecond line"))));

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("GAN000", DiagnosticSeverity.Error), (d.Id, d.Severity));
        Assert.Equal("GanDsl could not generate code for T.G (InvalidOperationException: boom second line); this is a bug in GanDsl, please report it with the declaration",
            d.GetMessage());
    }

    [Fact]
    public void A_hint_name_Roslyn_refuses_is_GAN000_not_an_exception()
    {
        var (diagnostics, run) = Drive(new ModuleOutput("T.G<bad>.g.cs", "// text"));

        Assert.Null(run.Exception);
        var d = Assert.Single(diagnostics);
        Assert.Equal("GAN000", d.Id);
        Assert.Contains("T.G<bad>.g.cs (ArgumentException: ", d.GetMessage());
    }

    [Fact]
    public void A_failed_read_yields_GAN000_through_the_checked_steps()
    {
        var failed = NetworkSpec.Failed("T", "G", NetworkRole.Generator, new NullReferenceException("oops"));
        var output = ModuleOutput.From(failed);

        Assert.Equal(ModuleOutput.Failed("T.G", "NullReferenceException: oops"), output);
        var gan = GanSpec.Failed("T", "Pair", new IndexOutOfRangeException("index"));
        Assert.Equal(ModuleOutput.Failed("T.Pair", "IndexOutOfRangeException: index"), ModuleOutput.From(gan));
    }

    [Fact]
    public void A_role_attribute_on_a_method_is_left_to_the_compiler()
    {
        // Not a type: the compiler reports CS0592; GanDsl must not call that an internal error.
        var result = GeneratorHarness.Run(
            "using GanDsl;\nnamespace T;\n" +
            "public partial class C { [GanGenerator(LatentDim = 4)] public void M() { } }\n");

        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        Assert.Contains(result.Diagnostics, d => d.Id == "CS0592");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "GAN000" or "AD0001" or "CS8785");
    }
}
