using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Emitting;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators;

/// <summary>
/// parse (symbols -> value models) -> check (pure shape inference) -> emit (text).
/// Diagnostics come from <see cref="Diagnostics.GanModelAnalyzer"/> over the same check. A model with errors gets only
/// its declaration half (<see cref="DeclarationHalfEmitter"/>), so code that names it compiles and users see our
/// diagnostic instead of a cascade of compiler errors (which would stop the build before analyzers run). The one
/// diagnostic it reports itself is GAN000, for a class it failed on (a bug in GanDsl), so a failure is never silent.
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
                static (ctx, ct) => ReadNetwork(ctx.TargetSymbol, NetworkRole.Generator, ctx.Attributes[0], ct))
            .WithTrackingName(TrackingNames.GeneratorModels);

        var discriminators = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.DiscriminatorAttribute,
                static (node, _) => true,
                static (ctx, ct) => ReadNetwork(ctx.TargetSymbol, NetworkRole.Discriminator, ctx.Attributes[0], ct))
            .WithTrackingName(TrackingNames.DiscriminatorModels);

        var gans = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.GanAttribute,
                static (node, _) => true,
                static (ctx, ct) => ReadGan(ctx.TargetSymbol, ctx.Attributes[0], ct))
            .WithTrackingName(TrackingNames.GanModels);

        // Each [Gan] takes its networks' models from their own steps instead of reading them again, so
        // an edit costs one read per class. Value-equal collections keep the step cached across edits.
        var networks = generators.Collect().Select(static (all, _) => ToEquatable(all))
            .Combine(discriminators.Collect().Select(static (all, _) => ToEquatable(all)));
        var pairedGans = gans.Combine(networks)
            .Select(static (input, _) => Pair(input.Left, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.PairedGans);

        var checkedGenerators = generators
            .Select(static (spec, _) => ModuleOutput.From(spec))
            .WithTrackingName(TrackingNames.CheckedGenerators);

        var checkedDiscriminators = discriminators
            .Select(static (spec, _) => ModuleOutput.From(spec))
            .WithTrackingName(TrackingNames.CheckedDiscriminators);

        var checkedGans = pairedGans
            .Select(static (spec, _) => ModuleOutput.From(spec))
            .WithTrackingName(TrackingNames.CheckedGans);

        context.RegisterSourceOutput(checkedGenerators, static (spc, output) => output?.AddTo(spc));
        context.RegisterSourceOutput(checkedDiscriminators, static (spc, output) => output?.AddTo(spc));
        context.RegisterSourceOutput(checkedGans, static (spc, output) => output?.AddTo(spc));
    }

    // The generator must never throw (CS8785 would drop all of its output), and must not fail silently either:
    // an unexpected exception becomes a stand-in spec that yields GAN000 and no file for that class.

    /// <summary>Null for an attribute on something that is not a type: the compiler reports that (CS0592).</summary>
    private static NetworkSpec? ReadNetwork(ISymbol target, NetworkRole role, AttributeData attribute, CancellationToken ct)
    {
        if (target is not INamedTypeSymbol type || !IsFirst(type, attribute)) return null;
        try { return NetworkReader.Read(type, role, attribute, ct).Spec; }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { return NetworkSpec.Failed(SafeNamespace(target), target.Name, role, e); }
    }

    private static GanSpec? ReadGan(ISymbol target, AttributeData attribute, CancellationToken ct)
    {
        if (target is not INamedTypeSymbol type || !IsFirst(type, attribute)) return null;
        try { return GanReader.Read(type, attribute, ct, readNetworks: false); }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { return GanSpec.Failed(SafeNamespace(target), target.Name, e); }
    }

    /// <summary>A role attribute repeated on two partial declarations of one class (CS0579) reaches this generator
    /// once per declaration; only the class's first one is read, so its file is added once (a second AddSource
    /// with the same hint name would be CS8785 and lose every file).</summary>
    private static bool IsFirst(INamedTypeSymbol type, AttributeData attribute)
    {
        foreach (var candidate in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute.AttributeClass)) continue;
            var a = candidate.ApplicationSyntaxReference;
            var b = attribute.ApplicationSyntaxReference;
            return ReferenceEquals(candidate, attribute)
                || (a is not null && b is not null && a.SyntaxTree == b.SyntaxTree && a.Span == b.Span);
        }
        return true;
    }

    private static string SafeNamespace(ISymbol target)
    {
        try { return target is ITypeSymbol type ? KnownNames.NamespaceOf(type) : ""; }
        catch (Exception) { return ""; }
    }

    /// <summary>The networks a [Gan] can pair with; one GanDsl failed on is left out (it has its own GAN000).</summary>
    private static EquatableArray<NetworkSpec> ToEquatable(ImmutableArray<NetworkSpec?> specs) =>
        specs.Where(s => s is { InternalError.Length: 0 }).Select(s => s!).ToEquatableArray();

    private static GanSpec? Pair(GanSpec? gan, EquatableArray<NetworkSpec> generators, EquatableArray<NetworkSpec> discriminators)
    {
        if (gan is null || gan.InternalError.Length > 0) return gan;
        try
        {
            return gan with
            {
                Generator = generators.FirstOrDefault(g => g.Role == NetworkRole.Generator && GanSpec.IsKeyOf(gan.GeneratorKey, g)),
                Discriminator = discriminators.FirstOrDefault(d => d.Role == NetworkRole.Discriminator && GanSpec.IsKeyOf(gan.DiscriminatorKey, d)),
            };
        }
        catch (Exception e) { return GanSpec.Failed(gan.Namespace, gan.ClassName, e); }
    }
}

/// <summary>A generated file (hint name + text): the full generated half of a model without errors, or the declaration
/// half of one with errors (the analyzer reports those); GAN000 for a class GanDsl failed on (<see cref="Failure"/>); or
/// nothing, for a model whose declaration half would itself be a compiler error. Equatable, so an unrelated edit leaves
/// this step Unchanged and no text is rewritten.</summary>
internal sealed record ModuleOutput(string HintName, string Text, string ClassName = "", string Failure = "")
{
    public static ModuleOutput? From(NetworkSpec? spec)
    {
        if (spec is null) return null;
        if (spec.InternalError.Length > 0) return Failed(spec.FullName, spec.InternalError);
        try
        {
            var analysis = NetworkChecker.Check(spec);
            if (!analysis.HasErrors) return new ModuleOutput(NetworkEmitter.HintName(spec), NetworkEmitter.Emit(analysis));
            return spec.Declarable ? new ModuleOutput(NetworkEmitter.HintName(spec), DeclarationHalfEmitter.Emit(analysis)) : null;
        }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { return Failed(spec.FullName, FailureText.Of(e)); }
    }

    public static ModuleOutput? From(GanSpec? spec)
    {
        if (spec is null) return null;
        if (spec.InternalError.Length > 0) return Failed(spec.FullName, spec.InternalError);
        try
        {
            if (spec.HasMalformedAttributes || spec.Generator is null || spec.Discriminator is null) return null;
            var generator = NetworkChecker.Check(spec.Generator);
            var discriminator = NetworkChecker.Check(spec.Discriminator);
            var problems = PairChecker.Check(spec, generator, discriminator);
            if (!generator.HasErrors && !discriminator.HasErrors && !problems.Any(p => p.IsError))
                return new ModuleOutput(GanEmitter.HintName(spec), GanEmitter.Emit(spec, generator, discriminator));
            // GanModel<G, D> compiles only where both networks have a generated half (full or declaration)
            return spec.Declarable && HasGeneratedHalf(generator) && HasGeneratedHalf(discriminator)
                ? new ModuleOutput(GanEmitter.HintName(spec), DeclarationHalfEmitter.Emit(spec, generator, discriminator, problems))
                : null;
        }
        catch (OperationCanceledException) { throw; }
        catch (Exception e) { return Failed(spec.FullName, FailureText.Of(e)); }
    }

    private static bool HasGeneratedHalf(NetworkAnalysis network) => !network.HasErrors || network.Spec.Declarable;

    public static ModuleOutput Failed(string className, string failure) => new("", "", className, failure);

    public void AddTo(SourceProductionContext context)
    {
        if (Failure.Length == 0)
        {
            try
            {
                context.AddSource(HintName, Text);
                return;
            }
            catch (ArgumentException e) { Report(context, FailureText.Of(e)); } // e.g. a hint name Roslyn refuses
        }
        else Report(context, Failure);
    }

    private void Report(SourceProductionContext context, string failure) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None,
            ClassName.Length > 0 ? ClassName : HintName, failure));
}
