using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing;

/// <summary>Metadata names of the runtime's attributes, and allocation-free checks against them (the model
/// readers run again on every compilation change, so they avoid formatting symbol names).</summary>
internal static class KnownNames
{
    public const string Namespace = "GanDsl";
    public const string GeneratorAttribute = "GanDsl.GanGeneratorAttribute";
    public const string DiscriminatorAttribute = "GanDsl.GanDiscriminatorAttribute";
    public const string GanAttribute = "GanDsl.GanAttribute";
    public const string LayerAttributeBase = "LayerAttribute";

    public const string GeneratorAttributeName = "GanGeneratorAttribute";
    public const string DiscriminatorAttributeName = "GanDiscriminatorAttribute";
    public const string GanAttributeName = "GanAttribute";

    /// <summary>True for the top-level GanDsl namespace.</summary>
    public static bool IsGanDsl(INamespaceSymbol? ns) =>
        ns is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>True when <paramref name="type"/> is GanDsl.<paramref name="name"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingType is null && IsGanDsl(type.ContainingNamespace);

    public static bool IsRoleAttribute(INamedTypeSymbol? type) =>
        Is(type, GeneratorAttributeName) || Is(type, DiscriminatorAttributeName);
}
