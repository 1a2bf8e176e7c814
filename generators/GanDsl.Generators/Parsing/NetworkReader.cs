using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static System.FormattableString;

namespace GanDsl.Generators.Parsing;

/// <summary>A network as read, plus the attributes it came from (used by the analyzer for locations, never by the
/// pipeline): its own layer attributes, and those of every block it uses, by block key.</summary>
internal sealed class NetworkReading
{
    public NetworkReading(NetworkSpec spec, ImmutableArray<AttributeData> layerAttributes, AttributeData roleAttribute,
        IReadOnlyDictionary<string, ImmutableArray<AttributeData>> blockAttributes)
    {
        Spec = spec;
        LayerAttributes = layerAttributes;
        RoleAttribute = roleAttribute;
        BlockAttributes = blockAttributes;
    }

    public NetworkSpec Spec { get; }
    public ImmutableArray<AttributeData> LayerAttributes { get; }
    public AttributeData RoleAttribute { get; }
    public IReadOnlyDictionary<string, ImmutableArray<AttributeData>> BlockAttributes { get; }
}

/// <summary>Turns a class with [GanGenerator], [GanDiscriminator] or [GanBlock] into a <see cref="NetworkSpec"/>, with
/// every block it uses read from its symbol (so blocks in referenced assemblies work as well as those in source).</summary>
internal static class NetworkReader
{
    /// <summary>The role an attribute gives its class: [GanGenerator], [GanDiscriminator], [GanBlock], or none.</summary>
    public static NetworkRole? RoleOf(AttributeData attribute) => RoleOfAttributeClass(attribute.AttributeClass);

    internal static NetworkRole? RoleOfAttributeClass(INamedTypeSymbol? attributeClass) =>
        KnownNames.Is(attributeClass, KnownNames.GeneratorAttributeName) ? NetworkRole.Generator
        : KnownNames.Is(attributeClass, KnownNames.DiscriminatorAttributeName) ? NetworkRole.Discriminator
        : KnownNames.Is(attributeClass, KnownNames.BlockAttributeName) ? NetworkRole.Block
        : null;

    /// <summary>The first role attribute on the class: the one that decides its role.</summary>
    private static (NetworkRole Role, AttributeData Attribute)? RoleAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
            if (RoleOf(attribute) is { } role) return (role, attribute);
        return null;
    }

    /// <summary>The role of the class (the one TryRead reads it as), without reading its layers.</summary>
    public static NetworkRole? RoleOf(INamedTypeSymbol type) => RoleAttribute(type)?.Role;

    public static NetworkReading? TryRead(INamedTypeSymbol type, CancellationToken ct) =>
        RoleAttribute(type) is { } found ? Read(type, found.Role, found.Attribute, ct) : null;

    public static NetworkReading Read(INamedTypeSymbol type, NetworkRole role, AttributeData roleAttribute, CancellationToken ct)
    {
        var blocks = new Blocks();
        var (spec, attributes) = ReadClass(type, role, roleAttribute, blocks, ct);
        spec = spec with { Blocks = blocks.Specs.ToEquatableArray() };
        return new NetworkReading(spec, attributes, roleAttribute, blocks.Attributes);
    }

    /// <summary>The blocks read so far for one network, by key (each once, so a cycle of blocks ends).</summary>
    private sealed class Blocks
    {
        public readonly List<NetworkSpec> Specs = new();
        public readonly Dictionary<string, ImmutableArray<AttributeData>> Attributes = new(StringComparer.Ordinal);
        public readonly List<INamedTypeSymbol> Pending = new();
    }

    private static (NetworkSpec Spec, ImmutableArray<AttributeData> Attributes) ReadClass(
        INamedTypeSymbol type, NetworkRole role, AttributeData roleAttribute, Blocks blocks, CancellationToken ct)
    {
        var problems = new List<Problem>();
        string roleName = "[" + Graph.GraphBuilder.RoleName(role) + "]";
        bool isBlock = role == NetworkRole.Block;
        // A block gets no generated half, so what a class needs to take one does not apply to it.
        if (!isBlock) problems.AddRange(DeclarationRules.Check(type, roleName, ct));
        bool declarable = !isBlock && problems.Count == 0; // the class itself can take a generated half

        var roleValues = new AttributeValues(roleAttribute);
        long classes = isBlock ? 0 : roleValues.NamedLong("Classes", 0);
        var shape = isBlock ? Array.Empty<long>() : roleValues.Longs(0).ToArray();
        bool imageInput = role == NetworkRole.Generator && shape.Length > 0;
        long[] input = role == NetworkRole.Generator && !imageInput ? new[] { roleValues.NamedLong("LatentDim", 100) } : shape;
        if (imageInput && roleValues.IsSet("LatentDim"))
            problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{type.Name}: a generator declared with an input shape {new Shape(shape)} takes an image, not noise, so LatentDim does not apply; remove LatentDim, or the input shape for a noise generator")));
        bool malformed = roleValues.Failed;

        var roles = new List<string>();
        bool isGan = false;
        foreach (var attribute in type.GetAttributes())
        {
            if (RoleOf(attribute) is { } found && !roles.Contains(Graph.GraphBuilder.RoleName(found))) roles.Add(Graph.GraphBuilder.RoleName(found));
            isGan |= KnownNames.Is(attribute.AttributeClass, KnownNames.GanAttributeName);
        }
        declarable &= roles.Count == 1 && !isGan; // two files with one name
        if (roles.Count > 1)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{type.Name} cannot be both a [{string.Join("] and a [", roles)}]")));
        if (isGan)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName, isBlock
                ? Invariant($"{type.Name} cannot be both a [Gan] pairing and a block; declare them as separate classes")
                : Invariant($"{type.Name} cannot be both a [Gan] pairing and one of its networks; declare the networks as separate classes")));
        // A declaration so broken that it has no name (the compiler reports the syntax error) yields no file.
        malformed |= type.Name.Length == 0;

        var ordered = OrderedLayerAttributes(type, ct, out bool split);
        var ops = new List<Op>();
        var attributes = ImmutableArray.CreateBuilder<AttributeData>();
        foreach (var attribute in ordered)
        {
            ct.ThrowIfCancellationRequested();
            var values = new AttributeValues(attribute);
            var op = KnownNames.IsGanDsl(attribute.AttributeClass!.ContainingNamespace) ? OpReaders.Read(attribute.AttributeClass.Name, values) : null;
            if (op is null)
            {
                // unbound: the compiler reports it; bound but unknown: a user-derived LayerAttribute compiles fine, so
                // silence would leave the class without its half
                if (!values.Failed)
                    problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ClassName,
                        Invariant($"{roleName} {type.Name}: [{attribute.AttributeClass!.Name}] is not a GanDsl layer; use the layer attributes of the GanDsl namespace")));
                malformed |= values.Failed;
                continue;
            }
            if (op is Block block) (op, malformed) = (ResolveBlock(block, values.Type(0), ops.Count, problems, blocks), malformed | values.Type(0) is { TypeKind: TypeKind.Error });
            malformed |= values.Failed;
            ops.Add(op);
            attributes.Add(attribute);
        }

        var members = isBlock ? MemberCheck.None : DeclarationRules.CheckMembers(type, roleName, GeneratedMemberNames(role, imageInput, classes, ops), isNetwork: true, ct);
        if (members.Problem is not null) problems.Add(members.Problem);
        if (split)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{roleName} {type.Name} has layer attributes on more than one partial declaration; declare all layers on one so their order is defined")));

        // The blocks this one uses, read once each (a cycle ends at a block already read).
        while (blocks.Pending.Count > 0)
        {
            var next = blocks.Pending[blocks.Pending.Count - 1];
            blocks.Pending.RemoveAt(blocks.Pending.Count - 1);
            var blockAttribute = next.GetAttributes().First(a => RoleOf(a) == NetworkRole.Block);
            var (blockSpec, blockAttributes) = ReadClass(next, NetworkRole.Block, blockAttribute, blocks, ct);
            blocks.Specs.Add(blockSpec);
            blocks.Attributes[blockSpec.Key] = blockAttributes;
        }

        var spec = new NetworkSpec(
            Namespace: KnownNames.NamespaceOf(type),
            ClassName: type.Name,
            Role: role,
            Input: input.ToEquatableArray(),
            Ops: ops.ToEquatableArray(),
            DeclarationProblems: problems.ToEquatableArray(),
            HasMalformedAttributes: malformed,
            ImageInput: imageInput,
            Classes: classes,
            UserMembers: members.Clashes,
            Declarable: declarable && members.AllowsDeclarationHalf && type.Name.Length > 0);
        return (spec, attributes.ToImmutable());
    }

    /// <summary>A [Block]'s key when its type is a [GanBlock] class (queued to be read), else GAN006 on the attribute;
    /// a type the compiler cannot bind (reported by the compiler) makes the read malformed.</summary>
    private static Block ResolveBlock(Block block, ITypeSymbol? type, int index, List<Problem> problems, Blocks blocks)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            if (type is null)
                problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, index,
                    "Block(null): the block must be typeof(a [GanBlock] class), not null"));
            return block;
        }
        if (type is not INamedTypeSymbol named || RoleOf(named) != NetworkRole.Block)
        {
            problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, index,
                Invariant($"{block.Display}: {type.Name} is not a [GanBlock] class; mark it [GanBlock] or use a block class")));
            return block;
        }
        string key = GanSpec.KeyOf(KnownNames.NamespaceOf(named), named.Name);
        if (!blocks.Attributes.ContainsKey(key))
        {
            blocks.Attributes[key] = ImmutableArray<AttributeData>.Empty; // claimed; filled in when read
            blocks.Pending.Add(named);
        }
        return block with { Key = key };
    }

    /// <summary>The members the generated half declares; lazy, because most classes declare no members to clash with.</summary>
    private static IEnumerable<string> GeneratedMemberNames(NetworkRole role, bool imageInput, long classes, List<Op> ops)
    {
        foreach (var name in new[] { "InputShape", "OutputShape", "ParameterCount", "forward", "Summary", "SummaryTable", "Graph", "GraphText" })
            yield return name;
        if (role == NetworkRole.Generator && !imageInput) yield return "LatentDim";
        if (classes > 0) yield return "Classes";
        for (int i = 0; i < ops.Count; i++)
            foreach (var field in Emitting.FieldNames.Of(ops[i], i))
                yield return field;
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
            if (IsLayerAttribute(attribute.AttributeClass) && (attribute.ApplicationSyntaxReference is not null || type.DeclaringSyntaxReferences.Length == 0))
                layers.Add(attribute);

        // One declaration (the usual case), or a block from a referenced assembly: GetAttributes already lists them in
        // source order. This runs on every compilation change, so it avoids sorting and syntax lookups when it can.
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

    /// <summary>Layer attributes on a class without a role attribute would do nothing.</summary>
    public static bool HasLayersButNoRole(INamedTypeSymbol type)
    {
        var attributes = type.GetAttributes();
        return attributes.Any(a => IsLayerAttribute(a.AttributeClass)) && !attributes.Any(a => RoleOf(a) is not null);
    }

    public static Problem LayersWithoutRole(INamedTypeSymbol type) =>
        new(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
            Invariant($"{type.Name} has layer attributes but neither [GanGenerator], [GanDiscriminator] nor [GanBlock], so they do nothing; add one of them or remove the layers"));

    internal static bool IsLayerAttribute(INamedTypeSymbol? type)
    {
        for (var t = type?.BaseType; t is not null; t = t.BaseType)
            if (t.Name == KnownNames.LayerAttributeBase && KnownNames.IsGanDsl(t.ContainingNamespace))
                return true;
        return false;
    }
}
