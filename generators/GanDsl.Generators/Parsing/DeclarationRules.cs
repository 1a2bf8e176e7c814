using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing;

/// <summary>GAN007: what a class must be for GanDsl to write its other half.</summary>
internal static class DeclarationRules
{
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, string role, CancellationToken ct)
    {
        Problem Bad(string what) => new(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
            $"{role} {type.Name} {what}");

        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).ToList();
        if (type.TypeKind != TypeKind.Class)
            yield return Bad($"must be a class, not a {type.TypeKind.ToString().ToLowerInvariant()}");
        else if (type.IsRecord)
            yield return Bad("must be a plain class, not a record (it derives from a TorchSharp module)");
        if (declarations.OfType<TypeDeclarationSyntax>().Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            yield return Bad("must be declared partial so GanDsl can generate its other half");
        if (type.ContainingType is not null)
            yield return Bad($"must not be nested in {type.ContainingType.Name}; declare it at namespace level");
        if (type.TypeParameters.Length > 0)
            yield return Bad("must not be generic");
        if (type.IsStatic)
            yield return Bad("must not be static");
        if (type.IsAbstract && type.TypeKind == TypeKind.Class)
            yield return Bad("must not be abstract");
    }
}
