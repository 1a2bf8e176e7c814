namespace GanDsl.Generators.Parsing;

/// <summary>Metadata names of the runtime's attributes.</summary>
internal static class KnownNames
{
    public const string Namespace = "GanDsl";
    public const string GeneratorAttribute = "GanDsl.GanGeneratorAttribute";
    public const string DiscriminatorAttribute = "GanDsl.GanDiscriminatorAttribute";
    public const string GanAttribute = "GanDsl.GanAttribute";
    public const string LayerAttributeBase = "LayerAttribute";
}
