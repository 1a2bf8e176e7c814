using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.CodeFixes;

/// <summary>
/// GAN004 (layer receives an input of the wrong rank): inserts the missing layer right before the one at fault,
/// in the same attribute list. A Dense after an image gets [Flatten]; a convolution (or Upsample, ZeroPad2d) after
/// a flat vector gets [Reshape(C, H, W)] when the analyzer found the one obvious image layout
/// (example: [Dense(49)] [Conv2d(8, Kernel = 3)] becomes [Dense(49)] [Reshape(1, 7, 7), Conv2d(8, Kernel = 3)]), or
/// [Reshape(LatentDim, 1, 1)] right after a generator's latent vector (the DCGAN layout).
/// The new attribute is spelled like the one at fault (GanDsl.Dense gives GanDsl.Flatten) if that binds to GanDsl's
/// attribute there, else fully qualified.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertLayerCodeFixProvider)), Shared]
public sealed class InsertLayerCodeFixProvider : AttributeCodeFixProvider
{
    public const string DiagnosticId = "GAN004";
    public const string FlattenKey = "GanDsl.GAN004.InsertFlatten";
    public const string ReshapeKey = "GanDsl.GAN004.InsertReshape";

    public InsertLayerCodeFixProvider() : base(DiagnosticId) { }

    protected override void Register(CodeFixContext context, Diagnostic diagnostic, string fix, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax) return;
        if (fix == "Flatten")
        {
            context.RegisterCodeFix(
                CodeAction.Create("Insert [Flatten] before this layer",
                    ct => Apply(context.Document, diagnostic, "Flatten", null, ct), FlattenKey),
                diagnostic);
        }
        else if (FixData.ReshapeDims(fix) is { IsDefault: false } dims)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Insert [Reshape({FixData.Join(dims)})] before this layer",
                    ct => Apply(context.Document, diagnostic, "Reshape", FixData.ArgumentList(dims), ct), ReshapeKey),
                diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, string layer,
        AttributeArgumentListSyntax? arguments, CancellationToken ct)
    {
        var found = await FixData.FindAttributeAsync(document, diagnostic, ct).ConfigureAwait(false);
        if (found is not { } f || f.Attribute.Parent is not AttributeListSyntax list) return document;
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);

        var inserted = SyntaxFactory.Attribute(FixData.LayerName(model, f.Attribute, layer), arguments);
        int index = list.Attributes.IndexOf(f.Attribute);
        var nodes = list.Attributes.ToList();
        var separators = list.Attributes.GetSeparators().ToList();
        nodes.Insert(index, inserted);
        separators.Insert(index, SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        if (index == 0)
        {
            // The new first attribute takes the old first one's leading trivia (normally none after '[').
            nodes[0] = nodes[0].WithLeadingTrivia(f.Attribute.GetLeadingTrivia());
            nodes[1] = nodes[1].WithoutLeadingTrivia();
        }

        var newList = list.WithAttributes(SyntaxFactory.SeparatedList(nodes, separators));
        return document.WithSyntaxRoot(f.Root.ReplaceNode(list, newList));
    }
}
