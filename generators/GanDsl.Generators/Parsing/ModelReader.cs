using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static System.FormattableString;

namespace GanDsl.Generators.Parsing;

/// <summary>A model as read, plus the attributes it came from (used by the analyzer for locations, never by the pipeline).</summary>
internal sealed class ModelReading
{
    public ModelReading(ModelSpec spec, ImmutableArray<AttributeData> layerAttributes, AttributeData roleAttribute)
    {
        Spec = spec;
        LayerAttributes = layerAttributes;
        RoleAttribute = roleAttribute;
    }

    public ModelSpec Spec { get; }
    public ImmutableArray<AttributeData> LayerAttributes { get; }
    public AttributeData RoleAttribute { get; }
}

/// <summary>Turns a class with [GanGenerator] or [GanDiscriminator] into a <see cref="ModelSpec"/>.</summary>
internal static class ModelReader
{
    /// <summary>The role an attribute gives its class: [GanGenerator], [GanDiscriminator], or none.</summary>
    public static ModelRole? RoleOf(AttributeData attribute) =>
        KnownNames.Is(attribute.AttributeClass, KnownNames.GeneratorAttributeName) ? ModelRole.Generator
        : KnownNames.Is(attribute.AttributeClass, KnownNames.DiscriminatorAttributeName) ? ModelRole.Discriminator
        : null;

    /// <summary>The first [GanGenerator] or [GanDiscriminator] on the class: the one that decides its role.</summary>
    private static (ModelRole Role, AttributeData Attribute)? RoleAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
            if (RoleOf(attribute) is { } role) return (role, attribute);
        return null;
    }

    /// <summary>The role of the class (the one TryRead reads it as), without reading its layers.</summary>
    public static ModelRole? RoleOf(INamedTypeSymbol type) => RoleAttribute(type)?.Role;

    public static ModelReading? TryRead(INamedTypeSymbol type, CancellationToken ct) =>
        RoleAttribute(type) is { } found ? Read(type, found.Role, found.Attribute, ct) : null;

    public static ModelReading Read(INamedTypeSymbol type, ModelRole role, AttributeData roleAttribute, CancellationToken ct)
    {
        var problems = new List<Problem>();
        string roleName = role == ModelRole.Generator ? "[GanGenerator]" : "[GanDiscriminator]";
        problems.AddRange(DeclarationRules.Check(type, roleName, ct));
        bool declarable = problems.Count == 0; // the class itself can take a generated half

        var roleValues = new AttributeValues(roleAttribute);
        long[] input = role == ModelRole.Generator
            ? new[] { roleValues.NamedLong("LatentDim", 100) }
            : roleValues.Longs(0).ToArray();
        bool malformed = roleValues.Failed;

        bool isGenerator = false, isDiscriminator = false, isGan = false;
        foreach (var attribute in type.GetAttributes())
        {
            var attributeRole = RoleOf(attribute);
            isGenerator |= attributeRole == ModelRole.Generator;
            isDiscriminator |= attributeRole == ModelRole.Discriminator;
            isGan |= KnownNames.Is(attribute.AttributeClass, KnownNames.GanAttributeName);
        }
        declarable &= !(isGenerator && isDiscriminator) && !isGan; // two files with one name
        if (isGenerator && isDiscriminator)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{type.Name} cannot be both a [GanGenerator] and a [GanDiscriminator]")));
        if (isGan)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{type.Name} cannot be both a [Gan] pairing and one of its networks; declare the networks as separate classes")));
        // A declaration so broken that it has no name (the compiler reports the syntax error) yields no file.
        malformed |= type.Name.Length == 0;

        var ordered = OrderedLayerAttributes(type, ct, out bool split);
        var layers = new List<LayerSpec>();
        var attributes = ImmutableArray.CreateBuilder<AttributeData>();
        foreach (var attribute in ordered)
        {
            ct.ThrowIfCancellationRequested();
            var layer = ReadLayer(attribute, out bool failed);
            if (layer is null && !failed)
            {
                // A user-derived LayerAttribute compiles fine, so silence would leave the class without its half.
                problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ClassName,
                    Invariant($"{roleName} {type.Name}: [{attribute.AttributeClass!.Name}] is not a GanDsl layer; use the layer attributes of the GanDsl namespace")));
                continue;
            }
            malformed |= failed;
            if (layer is null) continue;
            layers.Add(layer);
            attributes.Add(attribute);
        }
        var members = DeclarationRules.CheckMembers(type, roleName, GeneratedMemberNames(role, layers), isNetwork: true, ct);
        if (members.Problem is not null) problems.Add(members.Problem);
        if (split)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{roleName} {type.Name} has layer attributes on more than one partial declaration; declare all layers on one so their order is defined")));

        var spec = new ModelSpec(
            Namespace: KnownNames.NamespaceOf(type),
            ClassName: type.Name,
            Role: role,
            Input: input.ToEquatableArray(),
            Layers: layers.ToEquatableArray(),
            DeclarationProblems: problems.ToEquatableArray(),
            HasMalformedAttributes: malformed,
            UserMembers: members.Clashes,
            Declarable: declarable && members.AllowsDeclarationHalf && type.Name.Length > 0);
        return new ModelReading(spec, attributes.ToImmutable(), roleAttribute);
    }

    /// <summary>The members the generated half declares; lazy, because most classes declare no members to clash with.</summary>
    private static IEnumerable<string> GeneratedMemberNames(ModelRole role, List<LayerSpec> layers)
    {
        foreach (var name in new[] { "InputShape", "OutputShape", "ParameterCount", "forward", "Summary", "SummaryTable" })
            yield return name;
        if (role == ModelRole.Generator) yield return "LatentDim";
        for (int i = 0; i < layers.Count; i++)
            yield return Emitting.LayerEmitter.FieldName(layers[i], i);
    }

    /// <summary>The last layer attribute of a class in source order (where a layer appended at its end goes), or null.</summary>
    public static AttributeData? LastLayerAttribute(INamedTypeSymbol type, CancellationToken ct)
    {
        var layers = OrderedLayerAttributes(type, ct, out _);
        return layers.Count > 0 ? layers[layers.Count - 1] : null;
    }

    /// <summary>Layer attributes in source order. Order across partial declarations is not defined by C#, so
    /// <paramref name="split"/> reports layers spread over several declarations.</summary>
    private static List<AttributeData> OrderedLayerAttributes(INamedTypeSymbol type, CancellationToken ct, out bool split)
    {
        var layers = new List<AttributeData>();
        foreach (var attribute in type.GetAttributes())
            if (IsLayerAttribute(attribute.AttributeClass) && attribute.ApplicationSyntaxReference is not null)
                layers.Add(attribute);

        // One declaration (the usual case): GetAttributes already lists them in source order. This runs on every
        // compilation change, so it avoids sorting and syntax lookups when it can.
        split = false;
        if (type.DeclaringSyntaxReferences.Length <= 1) return layers;

        var declarations = new HashSet<TypeDeclarationSyntax>();
        foreach (var attribute in layers)
            if (attribute.ApplicationSyntaxReference!.GetSyntax(ct).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration)
                declarations.Add(declaration);
        split = declarations.Count > 1;

        return layers
            .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
            .ToList();
    }

    /// <summary>Layer attributes on a class without [GanGenerator] or [GanDiscriminator] would do nothing.</summary>
    public static bool HasLayersButNoRole(INamedTypeSymbol type)
    {
        var attributes = type.GetAttributes();
        return attributes.Any(a => IsLayerAttribute(a.AttributeClass))
               && !attributes.Any(a => KnownNames.IsRoleAttribute(a.AttributeClass));
    }

    public static Problem LayersWithoutRole(INamedTypeSymbol type) =>
        new(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
            Invariant($"{type.Name} has layer attributes but neither [GanGenerator] nor [GanDiscriminator], so they do nothing; add one of them or remove the layers"));

    private static bool IsLayerAttribute(INamedTypeSymbol? type)
    {
        for (var t = type?.BaseType; t is not null; t = t.BaseType)
            if (t.Name == KnownNames.LayerAttributeBase && KnownNames.IsGanDsl(t.ContainingNamespace))
                return true;
        return false;
    }

    /// <summary>Attribute class name -> layer kind ("DenseAttribute" -> Dense), built once.</summary>
    private static readonly Dictionary<string, LayerKind> LayerKinds =
        Enum.GetValues(typeof(LayerKind)).Cast<LayerKind>().ToDictionary(k => k + "Attribute", k => k, StringComparer.Ordinal);

    /// <summary>Null for a layer attribute that is not in the catalogue (a user-derived one); the read is then failed.</summary>
    private static LayerSpec? ReadLayer(AttributeData attribute, out bool failed)
    {
        var v = new AttributeValues(attribute);
        if (!KnownNames.IsGanDsl(attribute.AttributeClass!.ContainingNamespace)
            || !LayerKinds.TryGetValue(attribute.AttributeClass.Name, out LayerKind kind))
        {
            failed = v.Failed; // unbound: the compiler reports it; bound but unknown: the caller reports GAN006
            return null;
        }

        var layer = kind switch
        {
            LayerKind.Dense => new LayerSpec(kind) { Units = v.Long(0), Bias = v.NamedBool("Bias", true) },
            LayerKind.Conv2d or LayerKind.ConvTranspose2d => new LayerSpec(kind)
            {
                OutChannels = v.Long(0),
                Kernel = v.NamedLong("Kernel", 0),
                Stride = v.NamedLong("Stride", 1),
                Padding = v.NamedLong("Padding", 0),
                PaddingSet = v.IsSet("Padding"),
                OutputPadding = v.NamedLong("OutputPadding", 0),
                OutputPaddingSet = v.IsSet("OutputPadding"),
                Same = v.NamedBool("Same", false),
                Bias = v.NamedBool("Bias", true),
            },
            LayerKind.BatchNorm => new LayerSpec(kind) { Momentum = v.NamedDouble("Momentum", 0.1), Eps = v.NamedDouble("Eps", 1e-5) },
            LayerKind.LeakyReLU => new LayerSpec(kind) { Slope = v.Double(0, 0.01) },
            LayerKind.Dropout => new LayerSpec(kind) { P = v.Double(0, 0) },
            LayerKind.Reshape => new LayerSpec(kind) { Dims = v.Longs(0).ToEquatableArray() },
            LayerKind.Upsample => new LayerSpec(kind) { Scale = v.Long(0) },
            LayerKind.ZeroPad2d => new LayerSpec(kind) { Left = v.Long(0), Right = v.Long(1), Top = v.Long(2), Bottom = v.Long(3) },
            _ => new LayerSpec(kind),
        };
        failed = v.Failed;
        return layer;
    }
}
