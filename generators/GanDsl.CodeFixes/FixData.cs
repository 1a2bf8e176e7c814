using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.CodeFixes;

/// <summary>
/// Reads what the analyzer put in <see cref="Diagnostic.Properties"/> and finds the attribute a diagnostic points at.
/// The analyzer (GanDsl.Generators) fills the property "GanDslFix" only when one answer is right, e.g.
/// "Flatten", "Reshape:1, 28, 28", "DropPadding", "DropOutputPadding".
/// </summary>
internal static class FixData
{
    /// <summary>Same value as GanDsl.Generators.Diagnostics.GanModelAnalyzer.FixProperty (a test keeps them equal).</summary>
    public const string Property = "GanDslFix";

    public const string ReshapePrefix = "Reshape:";

    public static string? Of(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(Property, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>"Reshape:1, 28, 28" gives [1, 28, 28]; anything else (or a malformed list) gives default.</summary>
    public static ImmutableArray<int> ReshapeDims(string? fix)
    {
        if (fix is null || !fix.StartsWith(ReshapePrefix, StringComparison.Ordinal)) return default;
        var parts = fix.Substring(ReshapePrefix.Length).Split(',');
        var dims = ImmutableArray.CreateBuilder<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int d) || d < 1) return default;
            dims.Add(d);
        }
        return dims.Count == 0 ? default : dims.ToImmutable();
    }

    public static string Join(ImmutableArray<int> dims) =>
        string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The attribute whose span the diagnostic covers (the analyzer reports on the whole attribute).</summary>
    public static async Task<(SyntaxNode Root, AttributeSyntax Attribute)?> FindAttributeAsync(
        Document document, Diagnostic diagnostic, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
        return attribute is null ? null : (root, attribute);
    }

    /// <summary>The simple name of an attribute ("Dense" for Dense, GanDsl.Dense, DenseAttribute, global::GanDsl.Dense).</summary>
    public static string SimpleName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>The named argument "Name = value" of an attribute, or null.</summary>
    public static AttributeArgumentSyntax? Named(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    public static AttributeArgumentListSyntax ArgumentList(ImmutableArray<int> dims) =>
        SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(
            dims.Select(d => SyntaxFactory.AttributeArgument(
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(d)))),
            Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(dims.Length - 1, 0))));

    /// <summary>The name of a new GanDsl layer attribute placed next to <paramref name="near"/>, qualified like it
    /// (GanDsl.Dense gives GanDsl.Flatten); fully qualified if that would not bind to GanDsl's attribute there (an alias
    /// to one attribute type, say).</summary>
    public static NameSyntax LayerName(SemanticModel? model, AttributeSyntax near, string layer)
    {
        NameSyntax candidate = near.Name switch
        {
            QualifiedNameSyntax q => SyntaxFactory.QualifiedName(q.Left.WithoutTrivia(), SyntaxFactory.IdentifierName(layer)),
            AliasQualifiedNameSyntax a => SyntaxFactory.AliasQualifiedName(a.Alias.WithoutTrivia(), SyntaxFactory.IdentifierName(layer)),
            _ => SyntaxFactory.IdentifierName(layer),
        };
        if (model is not null && BindsTo(model, near.SpanStart, SyntaxFactory.Attribute(candidate), "GanDsl." + layer + "Attribute"))
            return candidate;
        return SyntaxFactory.ParseName("global::GanDsl." + layer);
    }

    private static bool BindsTo(SemanticModel model, int position, AttributeSyntax attribute, string metadataName)
    {
        var info = model.GetSpeculativeSymbolInfo(position, attribute);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        return type?.ToDisplayString() == metadataName;
    }
}
