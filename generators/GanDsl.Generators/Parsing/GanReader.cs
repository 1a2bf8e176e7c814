using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;
using static System.FormattableString;

namespace GanDsl.Generators.Parsing;

/// <summary>Turns a [Gan] class into a <see cref="GanSpec"/>, reading both networks it names.</summary>
internal static class GanReader
{
    /// <param name="readNetworks">False in the generator pipeline: the networks are then only identified (role,
    /// accessibility, key) and their models are taken from the networks' own pipeline steps, not read again.</param>
    public static GanSpec Read(INamedTypeSymbol type, AttributeData attribute, CancellationToken ct, bool readNetworks = true)
    {
        var v = new AttributeValues(attribute);
        var problems = new List<Problem>(DeclarationRules.Check(type, "[Gan]", ct));
        bool declarable = problems.Count == 0; // the class itself can take a generated half

        var options = GanOptionsReader.Read(v, problems);

        var members = DeclarationRules.CheckMembers(type, "[Gan]",
            GanOptionsReader.GeneratedMembers, isNetwork: false, ct);
        if (members.Problem is not null) problems.Add(members.Problem);
        for (int i = 0; i < 2; i++)
            if (i < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[i] is { Kind: TypedConstantKind.Type, IsNull: true })
                problems.Add(Invalid(Invariant($"the {(i == 0 ? "generator" : "discriminator")} type must be typeof(a {(i == 0 ? "[GanGenerator]" : "[GanDiscriminator]")} class), not null")));
        bool isNetworkToo = type.GetAttributes().Any(a => NetworkReader.RoleOf(a) is not null);
        if (isNetworkToo)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ClassName,
                Invariant($"{type.Name} cannot be both a [Gan] pairing and one of its networks; declare the networks as separate classes")));

        var generator = ReadNetwork(type, v.Type(0), NetworkRole.Generator, "[GanGenerator]", problems, readNetworks, ct);
        var discriminator = ReadNetwork(type, v.Type(1), NetworkRole.Discriminator, "[GanDiscriminator]", problems, readNetworks, ct);

        bool malformed = v.Failed || type.Name.Length == 0 || !IsTypeOrNull(attribute, 0) || !IsTypeOrNull(attribute, 1);
        return new GanSpec(
            Namespace: KnownNames.NamespaceOf(type),
            ClassName: type.Name,
            Options: options,
            Generator: generator.Spec,
            Discriminator: discriminator.Spec,
            GeneratorTypeName: v.Type(0)?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "",
            DiscriminatorTypeName: v.Type(1)?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "",
            DeclarationProblems: problems.ToEquatableArray(),
            HasMalformedAttributes: malformed,
            GeneratorKey: generator.Key,
            DiscriminatorKey: discriminator.Key,
            UserMembers: members.Clashes,
            // GanModel<G, D> in the declaration half names both networks: only ones of the right role it may name
            Declarable: declarable && !isNetworkToo && !malformed && members.AllowsDeclarationHalf && generator.Nameable && discriminator.Nameable);
    }

    /// <summary>A typeof(...) or null constant (null gets GAN006 above); anything else the compiler reports.</summary>
    private static bool IsTypeOrNull(AttributeData attribute, int position) =>
        position < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[position].Kind == TypedConstantKind.Type;

    private static Problem Invalid(string what) =>
        new(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ModelAttribute, "[Gan]: " + what);

    /// <returns>The network's model (when read), its key, and whether the [Gan]'s generated half may name it as a type
    /// argument of GanModel: a class of the right role, at least as accessible as the [Gan] class (else CS0060).</returns>
    private static (NetworkSpec? Spec, string Key, bool Nameable) ReadNetwork(INamedTypeSymbol pair, ITypeSymbol? type, NetworkRole role, string roleName, List<Problem> problems, bool readNetworks, CancellationToken ct)
    {
        if (type is null || type.TypeKind == TypeKind.Error) return (null, "", false); // the compiler reports the bad typeof
        NetworkRole? found = type is INamedTypeSymbol named ? NetworkReader.RoleOf(named) : null;
        var reading = readNetworks && found is not null ? NetworkReader.TryRead((INamedTypeSymbol)type, ct) : null;
        bool hidden = found == role && pair.DeclaredAccessibility == Accessibility.Public && type.DeclaredAccessibility != Accessibility.Public;
        if (hidden)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"[Gan] {pair.Name} is public but its {(role == NetworkRole.Generator ? "generator" : "discriminator")} {type.Name} is not (CS0060 on the generated base class); make {type.Name} public or {pair.Name} internal")));
        if (found != role)
        {
            string actually = found is null ? "has neither [GanGenerator] nor [GanDiscriminator]"
                : found == NetworkRole.Block ? "is a [GanBlock]"
                : role == NetworkRole.Generator ? "is a [GanDiscriminator]" : "is a [GanGenerator]";
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"[Gan] expects a {roleName} class as its {(role == NetworkRole.Generator ? "first" : "second")} type argument, but {type.Name} {actually}")));
            return (null, "", false);
        }
        return (reading?.Spec, GanSpec.KeyOf(KnownNames.NamespaceOf(type), type.Name), !hidden);
    }
}
