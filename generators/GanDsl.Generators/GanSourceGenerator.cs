using System;
using System.Collections.Immutable;
using System.Linq;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators;

/// <summary>
/// parse (symbols -> value models) -> check (pure shape inference) -> emit (text).
/// Diagnostics come from <see cref="Diagnostics.GanModelAnalyzer"/> over the same check; this generator only
/// skips invalid models, so users see our diagnostic instead of a cascade of compiler errors.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GanSourceGenerator : IIncrementalGenerator
{
    public static class TrackingNames
    {
        public const string GeneratorModels = nameof(GeneratorModels);
        public const string DiscriminatorModels = nameof(DiscriminatorModels);
        public const string GanModels = nameof(GanModels);
        public const string CheckedGenerators = nameof(CheckedGenerators);
        public const string CheckedDiscriminators = nameof(CheckedDiscriminators);
        public const string CheckedGans = nameof(CheckedGans);
        public const string PairedGans = nameof(PairedGans);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var generators = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.GeneratorAttribute,
                static (node, _) => true,
                static (ctx, ct) => Safe(() => ModelReader.Read((INamedTypeSymbol)ctx.TargetSymbol, ModelRole.Generator, ctx.Attributes[0], ct).Spec))
            .WithTrackingName(TrackingNames.GeneratorModels);

        var discriminators = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.DiscriminatorAttribute,
                static (node, _) => true,
                static (ctx, ct) => Safe(() => ModelReader.Read((INamedTypeSymbol)ctx.TargetSymbol, ModelRole.Discriminator, ctx.Attributes[0], ct).Spec))
            .WithTrackingName(TrackingNames.DiscriminatorModels);

        var gans = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.GanAttribute,
                static (node, _) => true,
                static (ctx, ct) => Safe(() => GanReader.Read((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ct, readNetworks: false)))
            .WithTrackingName(TrackingNames.GanModels);

        // Each [Gan] takes its networks' models from their own steps instead of reading them again, so
        // an edit costs one read per class. Value-equal collections keep the step cached across edits.
        var networks = generators.Collect().Select(static (all, _) => ToEquatable(all))
            .Combine(discriminators.Collect().Select(static (all, _) => ToEquatable(all)));
        var pairedGans = gans.Combine(networks)
            .Select(static (input, _) => input.Left is null ? null : Safe(() => Pair(input.Left, input.Right.Left, input.Right.Right)))
            .WithTrackingName(TrackingNames.PairedGans);

        var checkedGenerators = generators
            .Select(static (spec, _) => spec is null ? null : Safe(() => ModuleOutput.From(spec)))
            .WithTrackingName(TrackingNames.CheckedGenerators);

        var checkedDiscriminators = discriminators
            .Select(static (spec, _) => spec is null ? null : Safe(() => ModuleOutput.From(spec)))
            .WithTrackingName(TrackingNames.CheckedDiscriminators);

        var checkedGans = pairedGans
            .Select(static (spec, _) => spec is null ? null : Safe(() => ModuleOutput.From(spec)))
            .WithTrackingName(TrackingNames.CheckedGans);

        context.RegisterSourceOutput(checkedGenerators, static (spc, output) => output?.AddTo(spc));
        context.RegisterSourceOutput(checkedDiscriminators, static (spc, output) => output?.AddTo(spc));
        context.RegisterSourceOutput(checkedGans, static (spc, output) => output?.AddTo(spc));
    }

    private static EquatableArray<ModelSpec> ToEquatable(ImmutableArray<ModelSpec?> specs) =>
        specs.Where(s => s is not null).Select(s => s!).ToEquatableArray();

    private static GanSpec Pair(GanSpec gan, EquatableArray<ModelSpec> generators, EquatableArray<ModelSpec> discriminators) =>
        gan with
        {
            Generator = generators.FirstOrDefault(g => g.Role == ModelRole.Generator && GanSpec.KeyOf(g) == gan.GeneratorKey),
            Discriminator = discriminators.FirstOrDefault(d => d.Role == ModelRole.Discriminator && GanSpec.KeyOf(d) == gan.DiscriminatorKey),
        };

    /// <summary>The generator must never throw (CS8785); an unexpected failure just emits nothing for that class,
    /// and the analyzer, which runs the same checks, reports what it can.</summary>
    private static T? Safe<T>(Func<T?> work) where T : class
    {
        try { return work(); }
        catch (OperationCanceledException) { throw; }
        catch (Exception) { return null; }
    }
}

/// <summary>A generated file (hint name + text), or nothing when the model has errors. Equatable, so
/// an unrelated edit leaves this step Unchanged and no text is rewritten.</summary>
internal sealed record ModuleOutput(string HintName, string Text)
{
    public static ModuleOutput? From(ModelSpec spec)
    {
        var analysis = ModelChecker.Check(spec);
        return analysis.HasErrors ? null : new ModuleOutput(ModuleEmitter.HintName(spec), ModuleEmitter.Emit(analysis));
    }

    public static ModuleOutput? From(GanSpec spec)
    {
        if (spec.HasMalformedAttributes || spec.Generator is null || spec.Discriminator is null) return null;
        var generator = ModelChecker.Check(spec.Generator);
        var discriminator = ModelChecker.Check(spec.Discriminator);
        if (generator.HasErrors || discriminator.HasErrors) return null;
        if (PairChecker.Check(spec, generator, discriminator).Any(p => p.IsError)) return null;
        return new ModuleOutput(GanEmitter.HintName(spec), GanEmitter.Emit(spec, generator, discriminator));
    }

    public void AddTo(SourceProductionContext context) => context.AddSource(HintName, Text);
}
