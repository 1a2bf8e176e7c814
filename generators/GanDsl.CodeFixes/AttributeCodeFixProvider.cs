using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.CodeFixes;

/// <summary>
/// What every GanDsl code fix shares: one diagnostic ID, Fix All by batch, and only diagnostics that carry the
/// analyzer's fix data and still point at an attribute in the document. Subclasses decide what to offer.
/// </summary>
public abstract class AttributeCodeFixProvider : CodeFixProvider
{
    private readonly string _diagnosticId;

    protected AttributeCodeFixProvider(string diagnosticId) => _diagnosticId = diagnosticId;

    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(_diagnosticId);

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (FixData.Of(diagnostic) is not { } fix) continue;
            var found = await FixData.FindAttributeAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (found is not { } f) continue;
            Register(context, diagnostic, fix, f.Attribute);
        }
    }

    /// <summary>Offers this provider's fixes for one diagnostic whose fix data is <paramref name="fix"/>.</summary>
    protected abstract void Register(CodeFixContext context, Diagnostic diagnostic, string fix, AttributeSyntax attribute);
}
