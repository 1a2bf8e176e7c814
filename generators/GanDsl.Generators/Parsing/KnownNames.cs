using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing;

/// <summary>Metadata names of the runtime's attributes, and allocation-free checks against them (the model
/// readers run again on every compilation change, so they avoid formatting symbol names).</summary>
internal static class KnownNames
{
    public const string Namespace = "GanDsl";
    public const string LayerAttributeBase = "LayerAttribute";

    public const string GeneratorAttributeName = "GanGeneratorAttribute";
    public const string DiscriminatorAttributeName = "GanDiscriminatorAttribute";
    public const string GanAttributeName = "GanAttribute";
    public const string BlockAttributeName = "GanBlockAttribute";

    public const string GeneratorAttribute = Namespace + "." + GeneratorAttributeName;
    public const string DiscriminatorAttribute = Namespace + "." + DiscriminatorAttributeName;
    public const string GanAttribute = Namespace + "." + GanAttributeName;

    /// <summary>True for the top-level GanDsl namespace.</summary>
    public static bool IsGanDsl(INamespaceSymbol? ns) =>
        ns is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>True when <paramref name="type"/> is GanDsl.<paramref name="name"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingType is null && IsGanDsl(type.ContainingNamespace);

    public static bool IsRoleAttribute(INamedTypeSymbol? type) =>
        Is(type, GeneratorAttributeName) || Is(type, DiscriminatorAttributeName);

    /// <summary>[GanGenerator], [GanDiscriminator] or [Gan]: an attribute that makes GanDsl generate a file.</summary>
    public static bool IsModelAttribute(INamedTypeSymbol? type) => IsRoleAttribute(type) || Is(type, GanAttributeName);

    /// <summary>The namespace of a type as <c>NetworkSpec.Namespace</c> holds it ("" for the global namespace). One
    /// function for every reader, because a [Gan] finds its networks' models by this text.</summary>
    public static string NamespaceOf(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
}
