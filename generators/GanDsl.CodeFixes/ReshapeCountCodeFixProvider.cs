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
/// GAN002 (Reshape changes the element count): rewrites the Reshape's dimensions so the count fits, keeping the rank
/// the user wrote. Offered only when the analyzer found one unambiguous layout: the input's own at the same rank, the
/// flat count for a rank-1 Reshape, or for a flat input a square image with the user's channels (else 1 or 3).
/// Examples: [Dense(784)] [Reshape(1, 28, 27)] becomes [Reshape(1, 28, 28)]; [Dense(8 * 7 * 7), Reshape(8, 7, 6)]
/// becomes Reshape(8, 7, 7).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReshapeCountCodeFixProvider)), Shared]
public sealed class ReshapeCountCodeFixProvider : AttributeCodeFixProvider
{
    public const string DiagnosticId = "GAN002";
    public const string EquivalenceKey = "GanDsl.GAN002.ReshapeToInputLayout";

    public ReshapeCountCodeFixProvider() : base(DiagnosticId) { }

    protected override void Register(CodeFixContext context, Diagnostic diagnostic, string fix, AttributeSyntax attribute)
    {
        var dims = FixData.ReshapeDims(fix);
        if (dims.IsDefault || FixData.SimpleName(attribute) != "Reshape") return;
        context.RegisterCodeFix(
            CodeAction.Create($"Reshape to ({FixData.Join(dims)})",
                ct => Apply(context.Document, diagnostic, dims, ct), EquivalenceKey),
            diagnostic);
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, ImmutableArray<int> dims, CancellationToken ct)
    {
        var found = await FixData.FindAttributeAsync(document, diagnostic, ct).ConfigureAwait(false);
        if (found is not { } f) return document;
        var old = f.Attribute.ArgumentList;
        AttributeArgumentListSyntax replacement = FixData.ArgumentList(dims);
        if (old is not null) replacement = replacement.WithTriviaFrom(old);
        return document.WithSyntaxRoot(f.Root.ReplaceNode(f.Attribute, f.Attribute.WithArgumentList(replacement)));
    }
}
