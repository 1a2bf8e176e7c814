using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using GanDsl.CodeFixes;
using GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using static GanDsl.Tests.CodeFixes.CodeFixHarness;

namespace GanDsl.Tests.CodeFixes;

/// <summary>
/// Each fix: the diagnostic is there, the fix is offered under its title, applying it gives exactly the expected
/// source, and recompiling with the generator and the analyzer leaves no error.
/// </summary>
public class CodeFixTests
{
    private const string Header = "using GanDsl;\nnamespace T;\n";

    private static async Task<(Document Fixed, string Title)> FixAsync(CodeFixProvider provider, string source, string id, string equivalenceKey)
    {
        var document = Open(source);
        var diagnostic = await SingleAsync(document, id);
        var actions = await ActionsAsync(provider, document, diagnostic);
        var action = actions.SingleOrDefault(a => a.EquivalenceKey == equivalenceKey);
        Assert.True(action is not null, $"no fix '{equivalenceKey}' for {diagnostic}; offered: {string.Join(", ", actions.Select(a => a.EquivalenceKey))}");
        var fixedDocument = await ApplyAsync(action!, document);
        await AssertCleanAsync(fixedDocument, id);
        return (fixedDocument, action!.Title);
    }

    // ---- GAN001 ----

    private const string FittingDiscriminator =
        "[GanDiscriminator(1, 28, 28)]\n" +
        "[Flatten, Dense(1)]\n" +
        "public partial class D { }\n" +
        "[Gan(typeof(G), typeof(D))]\n" +
        "public partial class Pair { }\n";

    [Fact]
    public async Task GAN001_same_count_appends_the_reshape_to_the_generator()
    {
        var (fixedDocument, title) = await FixAsync(new GeneratorReshapeCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "public partial class G { }\n" + FittingDiscriminator,
            "GAN001", GeneratorReshapeCodeFixProvider.EquivalenceKey);

        Assert.Equal("End G with [Reshape(1, 28, 28)]", title);
        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh, Reshape(1, 28, 28)]\n" +
            "public partial class G { }\n" + FittingDiscriminator,
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN001_channels_last_reshape_is_rewritten()
    {
        var (fixedDocument, title) = await FixAsync(new GeneratorReshapeCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "[Reshape(28, 28, 1)]\n" +
            "public partial class G { }\n" + FittingDiscriminator,
            "GAN001", GeneratorReshapeCodeFixProvider.EquivalenceKey);

        Assert.Equal("Change G's [Reshape(28, 28, 1)] to [Reshape(1, 28, 28)]", title);
        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "[Reshape(1, 28, 28)]\n" +
            "public partial class G { }\n" + FittingDiscriminator,
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN001_fix_edits_the_generator_in_its_own_file()
    {
        const string generator = Header + "[GanGenerator(LatentDim = 10)]\n[Dense(784), Tanh]\npublic partial class G { }\n";
        var documents = Open(new[] { Header + FittingDiscriminator, generator });
        var diagnostic = await SingleAsync(documents[0], "GAN001");
        var action = Assert.Single(await ActionsAsync(new GeneratorReshapeCodeFixProvider(), documents[0], diagnostic));

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        Assert.True(documents[0].Project.Solution.Workspace.TryApplyChanges(solution));
        var project = documents[0].Project.Solution.Workspace.CurrentSolution.GetProject(documents[0].Project.Id)!;

        Assert.Equal(Header + FittingDiscriminator, await TextAsync(project.GetDocument(documents[0].Id)!));
        Assert.Equal(generator.Replace("[Dense(784), Tanh]", "[Dense(784), Tanh, Reshape(1, 28, 28)]"), await TextAsync(project.GetDocument(documents[1].Id)!));
        var after = await DiagnoseAsync(project);
        Assert.True(!after.Any(d => d.Severity == DiagnosticSeverity.Error), Describe(after));
    }

    [Fact]
    public async Task GAN001_no_fix_when_the_counts_differ()
    {
        var document = Open(Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(3 * 32 * 32), Tanh, Reshape(3, 32, 32)]\n" +
            "public partial class G { }\n" + FittingDiscriminator);
        var diagnostic = await SingleAsync(document, "GAN001");
        Assert.Empty(await ActionsAsync(new GeneratorReshapeCodeFixProvider(), document, diagnostic));
    }

    // ---- GAN002 ----

    [Fact]
    public async Task GAN002_reshape_is_rewritten_to_the_inputs_image_layout()
    {
        var (fixedDocument, title) = await FixAsync(new ReshapeCountCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "[Reshape(1, 28, 27)]\n" +
            "public partial class G { }\n",
            "GAN002", ReshapeCountCodeFixProvider.EquivalenceKey);

        Assert.Equal("Reshape to (1, 28, 28)", title);
        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Tanh]\n" +
            "[Reshape(1, 28, 28)]\n" +
            "public partial class G { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN002_reshape_inside_a_list_keeps_its_neighbours()
    {
        var (fixedDocument, _) = await FixAsync(new ReshapeCountCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 4)]\n" +
            "[Dense(3 * 8 * 8), Tanh, Reshape(3, 8, 7 /* oops */), Conv2d(1, Kernel = 3, Padding = 1)]\n" +
            "public partial class G { }\n",
            "GAN002", ReshapeCountCodeFixProvider.EquivalenceKey);

        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 4)]\n" +
            "[Dense(3 * 8 * 8), Tanh, Reshape(3, 8, 8), Conv2d(1, Kernel = 3, Padding = 1)]\n" +
            "public partial class G { }\n",
            await TextAsync(fixedDocument));
    }

    /// <summary>The fix keeps the rank the user wrote, so the layers after the Reshape still get what they were
    /// written for (FixAsync recompiles and requires no error of any kind afterwards).</summary>
    [Theory]
    // The DCGAN projection: 8 * 7 * 7 values are 8 channels of 7 x 7, not 1 or 3 channels of anything.
    [InlineData("[GanGenerator(LatentDim = 10)]", "[Dense(8 * 7 * 7), Reshape(8, 7, 6), ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]",
        "Reshape to (8, 7, 7)", "[Dense(8 * 7 * 7), Reshape(8, 7, 7), ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]")]
    // A flat Reshape stays flat: an image here would break the Dense after it (GAN004).
    [InlineData("[GanGenerator(LatentDim = 10)]", "[Dense(784), Reshape(783), Dense(5)]",
        "Reshape to (784)", "[Dense(784), Reshape(784), Dense(5)]")]
    // A flat Reshape of an image flattens it.
    [InlineData("[GanDiscriminator(1, 28, 28)]", "[Conv2d(64, Kernel = 4, Stride = 4), LeakyReLU(0.2), Reshape(3000), Dense(1)]",
        "Reshape to (3136)", "[Conv2d(64, Kernel = 4, Stride = 4), LeakyReLU(0.2), Reshape(3136), Dense(1)]")]
    public async Task GAN002_keeps_the_rank_and_channels_the_user_wrote(string role, string layers, string title, string fixedLayers)
    {
        var (fixedDocument, offered) = await FixAsync(new ReshapeCountCodeFixProvider(),
            Header + role + "\n" + layers + "\npublic partial class M { }\n",
            "GAN002", ReshapeCountCodeFixProvider.EquivalenceKey);

        Assert.Equal(title, offered);
        Assert.Equal(Header + role + "\n" + fixedLayers + "\npublic partial class M { }\n", await TextAsync(fixedDocument));
    }

    [Theory]
    [InlineData("[Dense(50), Reshape(3, 5, 4)]")]   // 50 values: no square image with 3 channels (as written) or 1
    [InlineData("[Dense(784), Reshape(28, 27)]")]  // a rank-2 layout from a flat input: which one is not clear
    public async Task GAN002_no_fix_when_the_layout_is_ambiguous(string layers)
    {
        var document = Open(Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            layers + "\n" +
            "public partial class G { }\n");
        var diagnostic = await SingleAsync(document, "GAN002");
        Assert.Empty(await ActionsAsync(new ReshapeCountCodeFixProvider(), document, diagnostic));
    }

    [Fact]
    public async Task GAN002_fix_all_rewrites_every_model_in_the_document()
    {
        var document = Open(Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Reshape(1, 28, 27)]\n" +
            "public partial class G1 { }\n" +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(3 * 16 * 16), Reshape(3, 16, 15)]\n" +
            "public partial class G2 { }\n");
        var diagnostics = (await DiagnoseAsync(document.Project)).Where(d => d.Id == "GAN002").ToList();
        Assert.Equal(2, diagnostics.Count);

        var provider = new ReshapeCountCodeFixProvider();
        var context = new FixAllContext(document, provider, FixAllScope.Document, ReshapeCountCodeFixProvider.EquivalenceKey,
            provider.FixableDiagnosticIds, new CodeFixHarness.DiagnosticProvider(), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        var fixedDocument = await ApplyAsync(action!, document);

        Assert.Equal(Header +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(784), Reshape(1, 28, 28)]\n" +
            "public partial class G1 { }\n" +
            "[GanGenerator(LatentDim = 10)]\n" +
            "[Dense(3 * 16 * 16), Reshape(3, 16, 16)]\n" +
            "public partial class G2 { }\n",
            await TextAsync(fixedDocument));
        await AssertCleanAsync(fixedDocument, "GAN002");
    }

    // ---- GAN004 ----

    [Fact]
    public async Task GAN004_flatten_is_inserted_before_a_dense_on_an_image()
    {
        var (fixedDocument, title) = await FixAsync(new InsertLayerCodeFixProvider(),
            Header +
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)]\n" +
            "[Dense(1)]\n" +
            "public partial class D { }\n",
            "GAN004", InsertLayerCodeFixProvider.FlattenKey);

        Assert.Equal("Insert [Flatten] before this layer", title);
        Assert.Equal(
            Header +
            "[GanDiscriminator(1, 28, 28)]\n" +
            "[Conv2d(8, Kernel = 4, Stride = 2, Padding = 1), LeakyReLU(0.2)]\n" +
            "[Flatten, Dense(1)]\n" +
            "public partial class D { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN004_flatten_in_the_middle_of_a_list()
    {
        var (fixedDocument, _) = await FixAsync(new InsertLayerCodeFixProvider(),
            Header +
            "[GanDiscriminator(3, 8, 8)]\n" +
            "[LeakyReLU(0.2), Dense(1)]\n" +
            "public partial class D { }\n",
            "GAN004", InsertLayerCodeFixProvider.FlattenKey);

        Assert.Equal(
            Header +
            "[GanDiscriminator(3, 8, 8)]\n" +
            "[LeakyReLU(0.2), Flatten, Dense(1)]\n" +
            "public partial class D { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN004_reshape_is_inserted_before_a_convolution_on_a_vector()
    {
        var (fixedDocument, title) = await FixAsync(new InsertLayerCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 16)]\n" +
            "[Dense(49), ReLU]\n" +
            "[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]\n" +
            "public partial class G { }\n",
            "GAN004", InsertLayerCodeFixProvider.ReshapeKey);

        Assert.Equal("Insert [Reshape(1, 7, 7)] before this layer", title);
        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 16)]\n" +
            "[Dense(49), ReLU]\n" +
            "[Reshape(1, 7, 7), ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]\n" +
            "public partial class G { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN004_a_convolution_on_the_latent_vector_gets_the_dcgan_reshape()
    {
        var (fixedDocument, title) = await FixAsync(new InsertLayerCodeFixProvider(),
            Header +
            "[GanGenerator(LatentDim = 100)]\n" +
            "[ConvTranspose2d(16, Kernel = 4), BatchNorm, ReLU]\n" +
            "[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]\n" +
            "public partial class G { }\n",
            "GAN004", InsertLayerCodeFixProvider.ReshapeKey);

        Assert.Equal("Insert [Reshape(100, 1, 1)] before this layer", title);
        Assert.Equal(
            Header +
            "[GanGenerator(LatentDim = 100)]\n" +
            "[Reshape(100, 1, 1), ConvTranspose2d(16, Kernel = 4), BatchNorm, ReLU]\n" +
            "[ConvTranspose2d(1, Kernel = 4, Stride = 2, Padding = 1), Tanh]\n" +
            "public partial class G { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN004_inserted_layer_is_qualified_like_the_layer_at_fault()
    {
        const string noUsing = "namespace T;\n";
        var (fixedDocument, _) = await FixAsync(new InsertLayerCodeFixProvider(),
            noUsing +
            "[GanDsl.GanDiscriminator(1, 4, 4)]\n" +
            "[GanDsl.Dense(1)]\n" +
            "public partial class D { }\n",
            "GAN004", InsertLayerCodeFixProvider.FlattenKey);

        Assert.Equal(
            noUsing +
            "[GanDsl.GanDiscriminator(1, 4, 4)]\n" +
            "[GanDsl.Flatten, GanDsl.Dense(1)]\n" +
            "public partial class D { }\n",
            await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN004_inserted_layer_is_fully_qualified_when_the_short_name_does_not_bind()
    {
        const string alias = "using Linear = GanDsl.DenseAttribute;\nnamespace T;\n";
        var (fixedDocument, _) = await FixAsync(new InsertLayerCodeFixProvider(),
            alias +
            "[GanDsl.GanDiscriminator(1, 4, 4)]\n" +
            "[Linear(1)]\n" +
            "public partial class D { }\n",
            "GAN004", InsertLayerCodeFixProvider.FlattenKey);

        Assert.Equal(
            alias +
            "[GanDsl.GanDiscriminator(1, 4, 4)]\n" +
            "[global::GanDsl.Flatten, Linear(1)]\n" +
            "public partial class D { }\n",
            await TextAsync(fixedDocument));
    }

    // ---- GAN006 ----

    private const string SameAndPadding =
        Header +
        "[GanDiscriminator(1, 8, 8)]\n" +
        "[Conv2d(4, Kernel = 3, Same = true, Padding = 1, Stride = 2), LeakyReLU(0.2)]\n" +
        "[Flatten, Dense(1)]\n" +
        "public partial class D { }\n";

    [Fact]
    public async Task GAN006_two_fixes_are_offered_for_same_with_padding()
    {
        var document = Open(SameAndPadding);
        var diagnostic = await SingleAsync(document, "GAN006");
        var actions = await ActionsAsync(new SamePaddingCodeFixProvider(), document, diagnostic);
        Assert.Equal(
            new[]
            {
                (SamePaddingCodeFixProvider.DropPaddingKey, "Remove 'Padding = 1' (keep Same = true)"),
                (SamePaddingCodeFixProvider.DropSameKey, "Remove 'Same = true' (keep Padding = 1)"),
            },
            actions.Select(a => (a.EquivalenceKey!, a.Title)).ToArray());
    }

    [Fact]
    public async Task GAN006_remove_padding_keeps_same()
    {
        var (fixedDocument, _) = await FixAsync(new SamePaddingCodeFixProvider(), SameAndPadding, "GAN006", SamePaddingCodeFixProvider.DropPaddingKey);
        Assert.Equal(SameAndPadding.Replace("Same = true, Padding = 1, Stride = 2", "Same = true, Stride = 2"), await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN006_remove_same_keeps_padding()
    {
        var (fixedDocument, _) = await FixAsync(new SamePaddingCodeFixProvider(), SameAndPadding, "GAN006", SamePaddingCodeFixProvider.DropSameKey);
        Assert.Equal(SameAndPadding.Replace("Same = true, Padding = 1, Stride = 2", "Padding = 1, Stride = 2"), await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN006_transposed_output_padding_with_same_drops_the_last_argument()
    {
        const string source =
            Header +
            "[GanGenerator(LatentDim = 16)]\n" +
            "[Dense(64), Reshape(1, 8, 8)]\n" +
            "[ConvTranspose2d(1, Kernel = 4, Stride = 2, Same = true, OutputPadding = 1)]\n" +
            "public partial class G { }\n";
        var (fixedDocument, title) = await FixAsync(new SamePaddingCodeFixProvider(), source, "GAN006", SamePaddingCodeFixProvider.DropOutputPaddingKey);
        Assert.Equal("Remove 'OutputPadding = 1' (keep Same = true)", title);
        Assert.Equal(source.Replace(", OutputPadding = 1)", ")"), await TextAsync(fixedDocument));
    }

    [Fact]
    public async Task GAN006_bad_numbers_get_no_fix()
    {
        var document = Open(Header +
            "[GanDiscriminator(1, 8, 8)]\n" +
            "[Conv2d(4, Kernel = 3, Stride = 0), Flatten, Dense(1)]\n" +
            "public partial class D { }\n");
        var diagnostic = await SingleAsync(document, "GAN006");
        Assert.Empty(await ActionsAsync(new SamePaddingCodeFixProvider(), document, diagnostic));
    }

    // ---- wiring ----

    [Fact]
    public void Fix_property_name_matches_the_analyzer()
    {
        Assert.Equal(GanModelAnalyzer.FixProperty, FixData.Property);
    }

    [Fact]
    public void Providers_are_exported_for_CSharp_with_a_fix_all()
    {
        var providers = typeof(FixData).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.Equal(4, providers.Count);
        foreach (var type in providers)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, type.Name);
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            var provider = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            Assert.Same(WellKnownFixAllProviders.BatchFixer, provider.GetFixAllProvider());
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, new GanModelAnalyzer().SupportedDiagnostics.Select(d => d.Id)));
        }
    }
}
