using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static System.FormattableString;

namespace GanDsl.Generators.Parsing;

/// <summary>GAN007: what a class must be for GanDsl to write its other half.</summary>
internal static class DeclarationRules
{
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, string role, CancellationToken ct)
    {
        Problem Bad(string what) => new(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
            Invariant($"{role} {type.Name} {what}"));

        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).ToList();
        if (type.TypeKind != TypeKind.Class)
        {
            string kind = type.TypeKind.ToString().ToLowerInvariant();
            yield return Bad(Invariant($"must be a class, not {("aeiou".IndexOf(kind[0]) >= 0 ? "an" : "a")} {kind}"));
        }
        else if (type.IsRecord)
            yield return Bad("must be a plain class, not a record (it derives from a TorchSharp module)");
        if (declarations.OfType<TypeDeclarationSyntax>().Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            yield return Bad("must be declared partial so GanDsl can generate its other half");
        if (type.ContainingType is not null)
            yield return Bad(Invariant($"must not be nested in {type.ContainingType.Name}; declare it at namespace level"));
        if (type.TypeParameters.Length > 0)
            yield return Bad("must not be generic");
        if (type.IsStatic)
            yield return Bad("must not be static");
        if (type.IsAbstract && type.TypeKind == TypeKind.Class)
            yield return Bad("must not be abstract");
        if (type.TypeKind == TypeKind.Class && HasOwnBaseClass(type, ct))
            yield return Bad(Invariant($"must not declare a base class ({type.BaseType?.Name ?? "object"}); GanDsl's generated half derives it from the TorchSharp or GanDsl base type"));
        if (CaseTwin(type) is { } twin)
            yield return Bad(Invariant($"has the same name as {twin} except for case; generated file names ignore case, so GanDsl cannot write both; rename one"));
    }

    /// <summary>Another GanDsl class in the same namespace whose name differs only in case (Gen and GEN): their
    /// generated files would have the same hint name, which Roslyn compares ignoring case.</summary>
    private static string? CaseTwin(INamedTypeSymbol type)
    {
        if (type.ContainingType is not null || type.ContainingNamespace is not { } ns) return null;
        if (!CaseGroups.GetValue(ns, FindCaseGroups).TryGetValue(type.Name, out var group)) return null;
        foreach (var other in group)
        {
            if (other.Name == type.Name) continue;
            foreach (var attribute in other.GetAttributes())
                if (KnownNames.IsModelAttribute(attribute.AttributeClass))
                    return other.Name;
        }
        return null;
    }

    /// <summary>Per namespace symbol (so per compilation, and collected with it): the types whose names differ only
    /// in case, usually none. Built once, because every model's read asks and a namespace may hold hundreds.</summary>
    private static readonly ConditionalWeakTable<INamespaceSymbol, Dictionary<string, List<INamedTypeSymbol>>> CaseGroups = new();

    private static Dictionary<string, List<INamedTypeSymbol>> FindCaseGroups(INamespaceSymbol ns)
    {
        var byFolded = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var type in ns.GetTypeMembers())
        {
            if (!byFolded.TryGetValue(type.Name, out var list)) byFolded[type.Name] = list = new List<INamedTypeSymbol>();
            list.Add(type);
        }
        var groups = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var pair in byFolded)
            if (pair.Value.Select(t => t.Name).Distinct(System.StringComparer.Ordinal).Skip(1).Any())
                groups[pair.Key] = pair.Value;
        return groups;
    }

    /// <summary>A base class in the user's declarations clashes with the generated half's (CS0263). Ours, seen
    /// by the analyzer once the generated half exists, does not count; "object" written out does.</summary>
    private static bool HasOwnBaseClass(INamedTypeSymbol type, CancellationToken ct)
    {
        var baseType = type.BaseType;
        if (baseType is not null && baseType.SpecialType != SpecialType.System_Object && !IsGeneratedBase(baseType))
            return true;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax { BaseList: { } list } || IsGenerated(reference.SyntaxTree, ct)) continue;
            foreach (var entry in list.Types)
                if (entry.Type.ToString() is "object" or "Object" or "System.Object" or "global::System.Object") return true;
        }
        return false;
    }

    private static bool IsGeneratedBase(INamedTypeSymbol baseType) =>
        (baseType.Name == "Module" && baseType.ContainingNamespace?.ToDisplayString() == "TorchSharp.torch.nn")
        || (baseType.Name == "Module" && baseType.ContainingType?.ToDisplayString() == "TorchSharp.torch.nn")
        || (baseType.Name == "GanModel" && KnownNames.IsGanDsl(baseType.ContainingNamespace));

    /// <summary>True for a file this generator wrote (the analyzer sees them next to the user's).</summary>
    internal static bool IsGenerated(SyntaxTree tree, CancellationToken ct) =>
        tree.GetRoot(ct).GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith("// Generated by GanDsl", System.StringComparison.Ordinal));

    /// <summary>
    /// GAN007 for members the user declared that the generated half declares too (CS0102/CS0111), and whether a
    /// declaration half (what a model with errors gets, leaving those members out) could stand beside the user's half
    /// without a compiler error of its own.
    /// </summary>
    public static MemberCheck CheckMembers(INamedTypeSymbol type, string role, IEnumerable<string> generatedNames, bool isNetwork, CancellationToken ct)
    {
        HashSet<string>? reserved = null; // built only when the class declares a member (most declare none)
        var clashes = new SortedSet<string>(System.StringComparer.Ordinal);
        HashSet<string>? implemented = null;
        bool blocks = false;
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree, ct))) continue;
            reserved ??= new HashSet<string>(generatedNames);
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor)
            {
                if (constructor.Parameters.Length == 0) clashes.Add(type.Name + "()");
                blocks |= CallsParameterlessBase(constructor, ct);
            }
            else if (member is not IMethodSymbol { MethodKind: MethodKind.StaticConstructor } && reserved.Contains(member.Name))
            {
                clashes.Add(member.Name);
                if (isNetwork && StandsInForGenerated(member)) (implemented ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(member.Name);
            }
        }
        // A network's half must implement forward and the interface; where the user's member of that name does not,
        // leaving ours out would be CS0534/CS0535.
        if (isNetwork)
            foreach (var name in clashes)
                blocks |= name is "forward" or "InputShape" or "OutputShape" or "ParameterCount" or "Summary" or "LatentDim" or "Classes" or "Graph" && implemented?.Contains(name) != true;

        var problem = clashes.Count == 0 ? null
            : new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{role} {type.Name} declares {string.Join(", ", clashes)}, which GanDsl generates; rename or remove {(clashes.Count == 1 ? "it" : "them")}"));
        return clashes.Count == 0 && !blocks ? MemberCheck.None : new MemberCheck(problem, clashes.ToEquatableArray(), !blocks);
    }

    /// <summary>A user constructor that calls base() (implicitly or not): the generated base class has no parameterless
    /// constructor (CS7036). One that chains to this(...) or passes base arguments is fine; a primary constructor
    /// (class G(int x), whose syntax is the class declaration) cannot pass what the generated half needs.</summary>
    private static bool CallsParameterlessBase(IMethodSymbol constructor, CancellationToken ct)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(ct);
            if (syntax is not ConstructorDeclarationSyntax declaration) return syntax is TypeDeclarationSyntax;
            if (declaration.Initializer is null
                || (declaration.Initializer.IsKind(SyntaxKind.BaseConstructorInitializer) && declaration.Initializer.ArgumentList.Arguments.Count == 0))
                return true;
        }
        return false;
    }

    /// <summary>A user member that does the job of the generated one of its name: an override of forward (one tensor, or
    /// input and labels), or a public static member that implements IGanNetwork and its role's interface.</summary>
    private static bool StandsInForGenerated(ISymbol member) => member switch
    {
        IMethodSymbol { Name: "forward", IsOverride: true, Parameters.Length: 1 or 2 } m => m.Parameters.All(p => IsTensor(p.Type)) && IsTensor(m.ReturnType),
        IMethodSymbol { Name: "Summary", IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 0 } m => m.ReturnType.SpecialType == SpecialType.System_String,
        IPropertySymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } p => p.Name switch
        {
            "InputShape" or "OutputShape" => p.Type is INamedTypeSymbol { Name: "TensorShape" } shape && KnownNames.IsGanDsl(shape.ContainingNamespace),
            "ParameterCount" => p.Type.SpecialType == SpecialType.System_Int64,
            "LatentDim" or "Classes" => p.Type.SpecialType == SpecialType.System_Int32,
            "Graph" => p.Type is INamedTypeSymbol { Name: "NetworkGraph" } graph && KnownNames.IsGanDsl(graph.ContainingNamespace),
            _ => false,
        },
        _ => false,
    };

    private static bool IsTensor(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Tensor", ContainingType: { Name: "torch", ContainingNamespace.Name: "TorchSharp" } };
}

/// <summary>The result of <see cref="DeclarationRules.CheckMembers"/>: the GAN007 (if any), the generated member names the
/// user's half declares (a declaration half leaves them out), and whether a declaration half can stand beside it.</summary>
internal sealed record MemberCheck(Problem? Problem, EquatableArray<string> Clashes, bool AllowsDeclarationHalf)
{
    /// <summary>The usual answer: the user's half declares nothing in the way.</summary>
    public static readonly MemberCheck None = new(null, EquatableArray<string>.Empty, true);
}
