using GanDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace GanDsl.Benchmarks;

/// <summary>
/// A baseline for the build-cost benchmark: the same three ForAttributeWithMetadataName lookups GanDsl makes,
/// with a transform that only returns the class name and no output. What it costs after an edit is what Roslyn
/// charges any attribute-driven generator, before the generator does any work of its own.
/// </summary>
internal sealed class AttributeOnlyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var name in new[] { KnownNames.GeneratorAttribute, KnownNames.DiscriminatorAttribute, KnownNames.GanAttribute })
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(name, static (_, _) => true, static (ctx, _) => ctx.TargetSymbol.Name);
            context.RegisterSourceOutput(names, static (_, _) => { });
        }
    }
}
