using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GanDsl.CodeFixes;

/// <summary>
/// GAN006 "Same = true and Padding both set the padding; keep one" (and the same for OutputPadding on
/// ConvTranspose2d). Which one the user meant cannot be known, so two fixes are offered, the analyzer's choice
/// first: remove Padding (keep Same = true), or remove Same (keep the explicit Padding). Other GAN006 findings
/// (a bad number) carry no fix data and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SamePaddingCodeFixProvider)), Shared]
public sealed class SamePaddingCodeFixProvider : CodeFixProvider
{
    public const string DiagnosticId = "GAN006";
    public const string DropPaddingKey = "GanDsl.GAN006.RemovePadding";
    public const string DropOutputPaddingKey = "GanDsl.GAN006.RemoveOutputPadding";
    public const string DropSameKey = "GanDsl.GAN006.RemoveSame";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            string? padding = FixData.Of(diagnostic) switch
            {
                "DropPadding" => "Padding",
                "DropOutputPadding" => "OutputPadding",
                _ => null,
            };
            if (padding is null) continue;
            var found = await FixData.FindAttributeAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (found is not { } f) continue;
            var paddingArgument = FixData.Named(f.Attribute, padding);
            var sameArgument = FixData.Named(f.Attribute, "Same");
            if (paddingArgument is null || sameArgument is null) continue;

            string paddingKey = padding == "Padding" ? DropPaddingKey : DropOutputPaddingKey;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove '{paddingArgument.ToString().Trim()}' (keep Same = true)",
                    ct => RemoveArgument(context.Document, diagnostic, padding, ct), paddingKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create($"Remove 'Same = true' (keep {paddingArgument.ToString().Trim()})",
                    ct => RemoveArgument(context.Document, diagnostic, "Same", ct), DropSameKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveArgument(Document document, Diagnostic diagnostic, string name, CancellationToken ct)
    {
        var found = await FixData.FindAttributeAsync(document, diagnostic, ct).ConfigureAwait(false);
        if (found is not { } f || f.Attribute.ArgumentList is not { } list || FixData.Named(f.Attribute, name) is not { } argument)
            return document;
        return document.WithSyntaxRoot(f.Root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))));
    }
}
