using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.CodeFixes;

/// <summary>
/// GAN006 "Same = true and Padding both set the padding; keep one" (and the same for OutputPadding on
/// ConvTranspose2d). Which one the user meant cannot be known, so two fixes are offered, the analyzer's choice
/// first: remove Padding (keep Same = true), or remove Same (keep the explicit Padding). Other GAN006 findings
/// (a bad number) carry no fix data and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SamePaddingCodeFixProvider)), Shared]
public sealed class SamePaddingCodeFixProvider : AttributeCodeFixProvider
{
    public const string DiagnosticId = "GAN006";
    public const string DropPaddingKey = "GanDsl.GAN006.RemovePadding";
    public const string DropOutputPaddingKey = "GanDsl.GAN006.RemoveOutputPadding";
    public const string DropSameKey = "GanDsl.GAN006.RemoveSame";

    public SamePaddingCodeFixProvider() : base(DiagnosticId) { }

    protected override void Register(CodeFixContext context, Diagnostic diagnostic, string fix, AttributeSyntax attribute)
    {
        string? padding = fix switch
        {
            "DropPadding" => "Padding",
            "DropOutputPadding" => "OutputPadding",
            _ => null,
        };
        if (padding is null) return;
        var paddingArgument = FixData.Named(attribute, padding);
        var sameArgument = FixData.Named(attribute, "Same");
        if (paddingArgument is null || sameArgument is null) return;

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

    private static async Task<Document> RemoveArgument(Document document, Diagnostic diagnostic, string name, CancellationToken ct)
    {
        var found = await FixData.FindAttributeAsync(document, diagnostic, ct).ConfigureAwait(false);
        if (found is not { } f || f.Attribute.ArgumentList is not { } list || FixData.Named(f.Attribute, name) is not { } argument)
            return document;
        return document.WithSyntaxRoot(f.Root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))));
    }
}
