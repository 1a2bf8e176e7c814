using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GanDsl.Generators;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GanDsl.Tests.Generator;

/// <summary>
/// Every diagnostic explains itself: a description, and a help link to its page in docs/diagnostics. Each page shows a
/// wrong and a fixed example; both are compiled here with the generator and the analyzer, so a page cannot drift from
/// what GanDsl does: the wrong one must get the page's ID (and no compiler error beside it), the fixed one nothing.
/// </summary>
public class DiagnosticDocsTests
{
    private const string HelpLinkBase = "https://github.com/gandsl/gandsl/blob/main/docs/diagnostics/";

    private static string Folder([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(here))))!, "docs", "diagnostics");

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        new GanModelAnalyzer().SupportedDiagnostics.Append(DiagnosticDescriptors.InternalError);

    public static TheoryData<string> IdsWithExamples()
    {
        var ids = new TheoryData<string>();
        foreach (var d in Descriptors().Where(d => d.Id != "GAN000")) ids.Add(d.Id);
        return ids;
    }

    [Fact]
    public void Every_diagnostic_has_a_description_and_a_help_link_to_its_own_page()
    {
        var descriptors = Descriptors().ToList();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.Contains(descriptors, d => d.Id == "GAN010");
        foreach (var d in descriptors)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), $"{d.Id} has no description");
            Assert.Equal(HelpLinkBase + d.Id + ".md", d.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(Folder(), d.Id + ".md")), $"no page docs/diagnostics/{d.Id}.md");
        }
        // and no page for an ID that does not exist
        Assert.Equal(descriptors.Select(d => d.Id + ".md").OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(Folder(), "GAN*.md").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Reported_diagnostics_carry_the_description_and_help_link()
    {
        var result = GeneratorHarness.Run("using GanDsl;\nnamespace T;\n[GanDiscriminator(1, 28, 28)] [Dense(1)] public partial class D { }\n");
        var d = Assert.Single(result.Gan);
        Assert.Equal(HelpLinkBase + "GAN004.md", d.Descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(d.Descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(IdsWithExamples))]
    public void The_pages_wrong_example_gets_its_ID_and_the_fixed_one_compiles_clean(string id)
    {
        var page = File.ReadAllText(Path.Combine(Folder(), id + ".md"));

        var wrong = GeneratorHarness.Run(Example(page, "Wrong"));
        Assert.True(wrong.GeneratorDiagnostics.IsEmpty, wrong.Describe());
        Assert.True(wrong.Gan.Any(d => d.Id == id), $"the wrong example of {id}.md does not get {id}:\n{wrong.Describe()}");
        Assert.True(!wrong.Errors.Any(d => !d.Id.StartsWith("GAN", StringComparison.Ordinal)),
            $"the wrong example of {id}.md has compiler errors beside {id}:\n{wrong.Describe()}");
        // The message the page shows is the one reported.
        var shown = Regex.Match(page, @"^### Wrong\s*$.*?^```\s*$\n(?<line>(?:error|warning) GAN\d{3}: .*?)\n^```\s*$",
            RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(shown.Success, $"{id}.md shows no build output for its wrong example");
        Assert.Contains(shown.Groups["line"].Value, wrong.Gan.Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage()}"));

        var fixedExample = GeneratorHarness.Run(Example(page, "Fixed"));
        Assert.True(fixedExample.GeneratorDiagnostics.IsEmpty, fixedExample.Describe());
        Assert.True(!fixedExample.Gan.Any() && !fixedExample.Errors.Any(), $"the fixed example of {id}.md is not clean:\n{fixedExample.Describe()}");
    }

    [Fact]
    public void GAN000s_page_has_no_example_because_no_model_should_cause_it()
    {
        var page = File.ReadAllText(Path.Combine(Folder(), "GAN000.md"));
        Assert.DoesNotContain("### Wrong", page);
        Assert.Contains("bug", page);
    }

    /// <summary>The first ```csharp block after the "### Wrong" or "### Fixed" heading.</summary>
    private static string Example(string page, string heading)
    {
        var match = Regex.Match(page, @"^### " + heading + @"\s*$.*?^```csharp\s*$\n(?<code>.*?)^```\s*$",
            RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"no '### {heading}' section with a csharp block");
        return match.Groups["code"].Value;
    }
}
