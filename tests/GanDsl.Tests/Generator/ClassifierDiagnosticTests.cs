using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>AuxiliaryClassifierWeight reads class logits from the discriminator's final [ProjectLabel]: a pair that
/// is not conditional, or whose D ends in anything else, is GAN024 on the [Gan] attribute; a negative weight is GAN006.</summary>
public class ClassifierDiagnosticTests
{
    private const string Header = "using GanDsl;\nnamespace T;\n";

    private static (string Id, DiagnosticSeverity Severity, int Line, string Message)[] Gan(string body)
    {
        var result = GeneratorHarness.Run(Header + body);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, result.Describe());
        return result.Gan
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage()))
            .ToArray();
    }

    private static string Pair(string classes, string labelLayer, string discriminatorEnd, string options) =>
        $"[GanGenerator(LatentDim = 4{classes})]\n[{labelLayer}Dense(8), ReLU, Dense(2)]\npublic partial class G {{ }}\n" +    // 3-5
        $"[GanDiscriminator(2{classes})]\n[Dense(8), LeakyReLU(0.2), {discriminatorEnd}]\npublic partial class D {{ }}\n" +   // 6-8
        $"[Gan(typeof(G), typeof(D), Loss = GanLoss.Hinge{options})]\npublic partial class P {{ }}\n";                      // 9

    [Fact]
    public void A_conditional_pair_ending_in_ProjectLabel_takes_the_weight()
    {
        Assert.Empty(Gan(Pair(", Classes = 3", "ConcatLabel(2), ", "ProjectLabel", ", AuxiliaryClassifierWeight = 1")));
    }

    [Fact]
    public void GAN024_a_conditional_discriminator_that_does_not_end_in_ProjectLabel()
    {
        var found = Gan(Pair(", Classes = 3", "ConcatLabel(2), ", "ConcatLabel(2), Dense(1)", ", AuxiliaryClassifierWeight = 0.5"));

        Assert.Equal(new[]
        {
            ("GAN024", DiagnosticSeverity.Error, 9,
                "AuxiliaryClassifierWeight = 0.5 classifies samples with D's [ProjectLabel] label embeddings, but D ends in Dense(1); end D with [ProjectLabel] (after [Flatten] or [GlobalSumPool]), or remove AuxiliaryClassifierWeight"),
        }, found);
    }

    [Fact]
    public void GAN024_an_unconditional_pair()
    {
        var found = Gan(Pair("", "", "Dense(1)", ", AuxiliaryClassifierWeight = 1"));

        Assert.Equal(new[]
        {
            ("GAN024", DiagnosticSeverity.Error, 9,
                "AuxiliaryClassifierWeight = 1 classifies samples with D's [ProjectLabel] label embeddings, but D is not conditional (no Classes); declare Classes on both networks and end D with [ProjectLabel], or remove AuxiliaryClassifierWeight"),
        }, found);
    }

    [Fact]
    public void GAN006_a_negative_weight_and_no_second_report()
    {
        // D does not end in ProjectLabel either, but an invalid weight is reported once, as the value.
        var found = Gan(Pair(", Classes = 3", "ConcatLabel(2), ", "ConcatLabel(2), Dense(1)", ", AuxiliaryClassifierWeight = -1"));

        Assert.Equal(new[] { ("GAN006", DiagnosticSeverity.Error, 9, "[Gan]: AuxiliaryClassifierWeight must be 0 (off) or positive, got -1") }, found);
    }
}
