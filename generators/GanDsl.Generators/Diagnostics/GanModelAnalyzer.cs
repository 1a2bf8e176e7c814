using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Generators.Diagnostics;

/// <summary>
/// Reports GANxxx diagnostics from the same pure checks the generator runs, with real source locations,
/// so #pragma, .editorconfig severities and IDE squiggles all work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GanModelAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Key in <see cref="Diagnostic.Properties"/> carrying what a code fix needs.</summary>
    public const string FixProperty = "GanDslFix";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        try
        {
            if (ModelReader.HasLayersButNoRole(type))
                Report(context, type, new[] { ModelReader.LayersWithoutRole(type) }, type.GetAttributes()[0], ImmutableArray<AttributeData>.Empty);
            foreach (var attribute in type.GetAttributes())
            {
                if (ModelReader.RoleOf(attribute) is { } role)
                {
                    var reading = ModelReader.Read(type, role, attribute, context.CancellationToken);
                    if (reading.Spec.HasMalformedAttributes) continue; // the compiler already reports these
                    var analysis = ModelChecker.Check(reading.Spec);
                    Report(context, type, analysis.Problems, reading.RoleAttribute, reading.LayerAttributes);
                }
                else if (KnownNames.Is(attribute.AttributeClass, KnownNames.GanAttributeName))
                {
                    var gan = GanReader.Read(type, attribute, context.CancellationToken);
                    if (gan.HasMalformedAttributes) continue;
                    var generator = gan.Generator is null ? null : ModelChecker.Check(gan.Generator);
                    var discriminator = gan.Discriminator is null ? null : ModelChecker.Check(gan.Discriminator);
                    Report(context, type, PairChecker.Check(gan, generator, discriminator), attribute, ImmutableArray<AttributeData>.Empty);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
    }

    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, IEnumerable<Problem> problems,
        AttributeData modelAttribute, ImmutableArray<AttributeData> layers)
    {
        foreach (var problem in problems)
        {
            var location = LocationOf(type, problem.Target, modelAttribute, layers, context.CancellationToken);
            var properties = problem.Fix.Length == 0
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, problem.Fix);
            var descriptor = DiagnosticDescriptors.For(problem.Code);
            var severity = problem.Severity == ProblemSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
            context.ReportDiagnostic(severity == descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, properties, problem.Message)
                : Diagnostic.Create(descriptor.Id, descriptor.Category, problem.Message, severity, descriptor.DefaultSeverity,
                    isEnabledByDefault: true, warningLevel: severity == DiagnosticSeverity.Warning ? 1 : 0,
                    title: descriptor.Title, helpLink: descriptor.HelpLinkUri, location: location, properties: properties));
        }
    }

    private static Location LocationOf(INamedTypeSymbol type, int target, AttributeData modelAttribute,
        ImmutableArray<AttributeData> layers, CancellationToken ct)
    {
        AttributeData? attribute = target >= 0 && target < layers.Length ? layers[target]
            : target == ProblemTarget.ModelAttribute ? modelAttribute : null;
        if (attribute?.ApplicationSyntaxReference is { } reference)
            return reference.GetSyntax(ct).GetLocation();

        foreach (var declaration in type.DeclaringSyntaxReferences)
            if (declaration.GetSyntax(ct) is BaseTypeDeclarationSyntax syntax)
                return syntax.Identifier.GetLocation();
        return type.Locations.Length > 0 ? type.Locations[0] : Location.None;
    }
}
