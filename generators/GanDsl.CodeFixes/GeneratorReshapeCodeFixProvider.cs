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
/// GAN001 (generator output does not fit the discriminator input) when both hold the same number of values: the
/// generator ends with a Reshape to the discriminator's input. The diagnostic sits on the [Gan] attribute; the analyzer
/// passes the generator's last layer attribute as its additional location, often in another file. A generator that
/// ends in a Reshape gets that Reshape rewritten (a Reshape after a Reshape is the second one alone); any other gets
/// one appended to its last attribute list. Examples: [Dense(784), Tanh] becomes [Dense(784), Tanh, Reshape(1, 28, 28)];
/// a channels-last [Reshape(28, 28, 1)] becomes [Reshape(1, 28, 28)].
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GeneratorReshapeCodeFixProvider)), Shared]
public sealed class GeneratorReshapeCodeFixProvider : AttributeCodeFixProvider
{
    public const string DiagnosticId = "GAN001";
    public const string EquivalenceKey = "GanDsl.GAN001.ReshapeGeneratorOutput";

    public GeneratorReshapeCodeFixProvider() : base(DiagnosticId) { }

    protected override void Register(CodeFixContext context, Diagnostic diagnostic, string fix, AttributeSyntax attribute)
    {
        var dims = FixData.ReshapeDims(fix);
        if (dims.IsDefault || diagnostic.AdditionalLocations.Count == 0) return;
        var location = diagnostic.AdditionalLocations[0];
        if (location.SourceTree is not { } tree || DocumentOf(context.Document.Project.Solution, tree) is not { } document) return;
        if (Last(tree.GetRoot(context.CancellationToken), location) is not { Parent: AttributeListSyntax } last) return;

        string generator = last.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText ?? "the generator";
        string reshape = $"[Reshape({FixData.Join(dims)})]";
        string title = FixData.SimpleName(last) == "Reshape"
            ? $"Change {generator}'s [{last.WithoutTrivia()}] to {reshape}"
            : $"End {generator} with {reshape}";
        context.RegisterCodeFix(CodeAction.Create(title, ct => Apply(document, location, dims, ct), EquivalenceKey), diagnostic);
    }

    private static async Task<Solution> Apply(Document document, Location location, ImmutableArray<int> dims, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null || Last(root, location) is not { Parent: AttributeListSyntax list } last) return document.Project.Solution;

        SyntaxNode newRoot;
        if (FixData.SimpleName(last) == "Reshape")
        {
            var arguments = FixData.ArgumentList(dims);
            if (last.ArgumentList is { } old) arguments = arguments.WithTriviaFrom(old);
            newRoot = root.ReplaceNode(last, last.WithArgumentList(arguments));
        }
        else
        {
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var reshape = SyntaxFactory.Attribute(FixData.LayerName(model, last, "Reshape"), FixData.ArgumentList(dims));
            int index = list.Attributes.IndexOf(last);
            var nodes = list.Attributes.ToList();
            var separators = list.Attributes.GetSeparators().ToList();
            nodes.Insert(index + 1, reshape);
            separators.Insert(index, SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            newRoot = root.ReplaceNode(list, list.WithAttributes(SyntaxFactory.SeparatedList(nodes, separators)));
        }
        return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, newRoot);
    }

    private static AttributeSyntax? Last(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>The document of a tree the analyzer saw: the same tree object in the IDE, else the same file.</summary>
    private static Document? DocumentOf(Solution solution, SyntaxTree tree) =>
        solution.GetDocument(tree)
        ?? (tree.FilePath.Length > 0 ? solution.GetDocumentIdsWithFilePath(tree.FilePath).Select(solution.GetDocument).FirstOrDefault(d => d is not null) : null);
}
