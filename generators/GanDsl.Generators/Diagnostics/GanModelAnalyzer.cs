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
            Reporter? reporter = null; // only for GanDsl classes: this runs for every type of the compilation
            Reporter Report() => reporter ??= new Reporter(context, type);
            if (NetworkReader.HasLayersButNoRole(type))
                Report().Add(new[] { NetworkReader.LayersWithoutRole(type) }, type.GetAttributes()[0], ImmutableArray<AttributeData>.Empty, classLevel: true);
            foreach (var attribute in type.GetAttributes())
            {
                if (NetworkReader.RoleOf(attribute) is { } role)
                {
                    var reading = NetworkReader.Read(type, role, attribute, context.CancellationToken);
                    if (reading.Spec.HasMalformedAttributes) continue; // the compiler already reports these
                    var analysis = NetworkChecker.Check(reading.Spec);
                    Report().AddRead(analysis.Problems, reading.RoleAttribute, reading.LayerAttributes, blocks: reading.BlockAttributes);
                }
                else if (KnownNames.Is(attribute.AttributeClass, KnownNames.GanAttributeName))
                {
                    var gan = GanReader.Read(type, attribute, context.CancellationToken);
                    if (gan.HasMalformedAttributes) continue;
                    var generator = gan.Generator is null ? null : NetworkChecker.Check(gan.Generator);
                    var discriminator = gan.Discriminator is null ? null : NetworkChecker.Check(gan.Discriminator);
                    Report().AddRead(PairChecker.Check(gan, generator, discriminator), attribute, ImmutableArray<AttributeData>.Empty,
                        GeneratorOf(attribute));
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
    }

    /// <summary>The generator class a [Gan] names (where a GAN001 fix edits), or null.</summary>
    private static INamedTypeSymbol? GeneratorOf(AttributeData gan) =>
        gan.ConstructorArguments.Length > 0 && gan.ConstructorArguments[0] is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol type } ? type : null;

    /// <summary>
    /// Reports the problems of one class. A class with two model attributes (two roles, or a role and [Gan]) is read
    /// once per attribute; its class-level problems (on the class name) are the same each time, so only the first
    /// read reports them, and nothing identical is reported twice.
    /// </summary>
    private sealed class Reporter
    {
        private readonly SymbolAnalysisContext _context;
        private readonly INamedTypeSymbol _type;
        private readonly HashSet<(ProblemCode Code, Location Location, string Message)> _reported = new();
        private int _reads;

        public Reporter(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            _context = context;
            _type = type;
        }

        /// <summary>The problems of one model attribute's read.</summary>
        public void AddRead(IEnumerable<Problem> problems, AttributeData modelAttribute, ImmutableArray<AttributeData> layers,
            INamedTypeSymbol? generator = null, IReadOnlyDictionary<string, ImmutableArray<AttributeData>>? blocks = null) =>
            Add(problems, modelAttribute, layers, classLevel: _reads++ == 0, generator, blocks);

        public void Add(IEnumerable<Problem> problems, AttributeData modelAttribute, ImmutableArray<AttributeData> layers,
            bool classLevel, INamedTypeSymbol? generator = null, IReadOnlyDictionary<string, ImmutableArray<AttributeData>>? blocks = null)
        {
            foreach (var problem in problems)
            {
                if (problem.Target == ProblemTarget.ClassName && !classLevel) continue;
                var location = LocationOf(_type, problem.Target, modelAttribute, layers, _context.CancellationToken);
                if (!_reported.Add((problem.Code, location, problem.Message))) continue;
                var properties = problem.Fix.Length == 0
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, problem.Fix);
                _context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Code), location,
                    AdditionalLocations(problem, generator, blocks), properties, problem.Message));
            }
        }

        /// <summary>GAN001 with a fix: the generator's last layer attribute, where the fix appends or rewrites a Reshape
        /// (often in another file than the [Gan]). A problem inside a block: the block's attribute at fault.</summary>
        private IEnumerable<Location>? AdditionalLocations(Problem problem, INamedTypeSymbol? generator,
            IReadOnlyDictionary<string, ImmutableArray<AttributeData>>? blocks)
        {
            var ct = _context.CancellationToken;
            if (problem.Inner is { } site)
                return blocks is not null && blocks.TryGetValue(site.BlockKey, out var attributes) && site.Attribute < attributes.Length
                       && attributes[site.Attribute].ApplicationSyntaxReference is { } inner
                    ? new[] { inner.GetSyntax(ct).GetLocation() }
                    : null;
            if (problem.Code != ProblemCode.ShapeMismatch || problem.Fix.Length == 0 || generator is null) return null;
            var last = NetworkReader.LastLayerAttribute(generator, ct);
            return last?.ApplicationSyntaxReference is { } reference
                ? new[] { reference.GetSyntax(ct).GetLocation() }
                : null;
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
