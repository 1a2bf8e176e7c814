using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Diagnostics;

/// <summary>What an attribute class is to GanDsl, decided once per class and compilation.</summary>
[Flags]
internal enum ModelAttributeKind
{
    None = 0,
    Generator = 1,
    Discriminator = 2,
    Block = 4,
    Gan = 8,
    Layer = 16,
    Role = Generator | Discriminator | Block,
}

/// <summary>A network class as the analyzer reads it: its reading (attributes, for locations) and its check.</summary>
internal sealed class CheckedNetwork
{
    public CheckedNetwork(NetworkReading reading)
    {
        Reading = reading;
        Analysis = NetworkChecker.Check(reading.Spec);
    }

    public NetworkReading Reading { get; }
    public NetworkAnalysis Analysis { get; }
}

/// <summary>
/// The analyzer's state for one compilation (made at compilation start, dropped with it): which attribute classes are
/// GanDsl's, and each network's reading and check, shared by the network's own symbol action and every [Gan] that
/// names it. Symbol actions run concurrently, so each network is computed once under a lock-free map of lazies; a
/// computation cancelled by its caller's token is not kept, so no other caller (or later request on the same
/// compilation) gets a cancellation that is not its own. A new compilation (every edit) gets new state: nothing read
/// from an old one can answer for a new one.
/// </summary>
internal sealed class CompilationModels
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, ModelAttributeKind> _kinds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<CheckedNetwork?>> _networks = new(SymbolEqualityComparer.Default);
    private readonly Action<INamedTypeSymbol>? _networkRead;

    public CompilationModels(Action<INamedTypeSymbol>? networkRead) => _networkRead = networkRead;

    /// <summary>False when no GanDsl attribute can bind in the compilation (it has no GanDsl namespace): then no class
    /// can be a model, and the analyzer registers nothing.</summary>
    public static bool MayDeclareModels(Compilation compilation) =>
        compilation.GlobalNamespace.GetNamespaceMembers().Any(ns => ns.Name == KnownNames.Namespace);

    /// <summary>The kinds of the attributes on a class, together (None for the great majority of a compilation's types).</summary>
    public ModelAttributeKind KindsOf(ImmutableArray<AttributeData> attributes)
    {
        var kinds = ModelAttributeKind.None;
        foreach (var attribute in attributes) kinds |= KindOf(attribute);
        return kinds;
    }

    public ModelAttributeKind KindOf(AttributeData attribute) =>
        attribute.AttributeClass is { } type ? _kinds.GetOrAdd(type, Classify) : ModelAttributeKind.None;

    // The readers' own rules (by name, so a GanDsl of any assembly counts), asked once per attribute class.
    private static ModelAttributeKind Classify(INamedTypeSymbol type)
    {
        var kind = NetworkReader.RoleOfAttributeClass(type) switch
        {
            NetworkRole.Generator => ModelAttributeKind.Generator,
            NetworkRole.Discriminator => ModelAttributeKind.Discriminator,
            NetworkRole.Block => ModelAttributeKind.Block,
            _ => ModelAttributeKind.None,
        };
        if (KnownNames.Is(type, KnownNames.GanAttributeName)) kind |= ModelAttributeKind.Gan;
        if (NetworkReader.IsLayerAttribute(type)) kind |= ModelAttributeKind.Layer;
        return kind;
    }

    /// <summary>The class read as the network its first role attribute makes it (as a [Gan] reads it), and checked;
    /// null for a class without a role.</summary>
    public CheckedNetwork? Network(INamedTypeSymbol type, CancellationToken ct)
    {
        while (true)
        {
            var lazy = _networks.GetOrAdd(type, t => new Lazy<CheckedNetwork?>(() => Read(t, ct)));
            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                ((ICollection<KeyValuePair<INamedTypeSymbol, Lazy<CheckedNetwork?>>>)_networks)
                    .Remove(new KeyValuePair<INamedTypeSymbol, Lazy<CheckedNetwork?>>(type, lazy));
                ct.ThrowIfCancellationRequested(); // ours: stop; another caller's: compute it again under our token
            }
        }
    }

    private CheckedNetwork? Read(INamedTypeSymbol type, CancellationToken ct)
    {
        if (NetworkReader.RoleOf(type) is null) return null;
        _networkRead?.Invoke(type);
        return NetworkReader.TryRead(type, ct) is { } reading ? new CheckedNetwork(reading) : null;
    }

    /// <summary>A class's second role attribute (GAN007 on the class; rare): read as that role, not cached.</summary>
    public CheckedNetwork ReadAs(INamedTypeSymbol type, NetworkRole role, AttributeData attribute, CancellationToken ct)
    {
        _networkRead?.Invoke(type);
        return new CheckedNetwork(NetworkReader.Read(type, role, attribute, ct));
    }

    /// <summary>A [Gan] with its networks' readings taken from this compilation's networks, not read again: the spec
    /// is the one <see cref="GanReader"/> reads with its networks, and the networks' checks come with it.</summary>
    public (GanSpec Spec, NetworkAnalysis? Generator, NetworkAnalysis? Discriminator) Gan(INamedTypeSymbol type, AttributeData attribute, CancellationToken ct)
    {
        var spec = GanReader.Read(type, attribute, ct, readNetworks: false);
        var generator = Paired(attribute, 0, NetworkRole.Generator, ct);
        var discriminator = Paired(attribute, 1, NetworkRole.Discriminator, ct);
        spec = spec with { Generator = generator?.Reading.Spec, Discriminator = discriminator?.Reading.Spec };
        return (spec, generator?.Analysis, discriminator?.Analysis);
    }

    /// <summary>The network a [Gan] names at <paramref name="position"/>, when GanReader would read it: typeof(a class
    /// whose role is <paramref name="role"/>).</summary>
    private CheckedNetwork? Paired(AttributeData attribute, int position, NetworkRole role, CancellationToken ct)
    {
        if (position >= attribute.ConstructorArguments.Length) return null;
        var argument = attribute.ConstructorArguments[position];
        if (argument.Kind == TypedConstantKind.Array || argument.Value is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error) return null;
        var network = Network(type, ct);
        return network?.Reading.Spec.Role == role ? network : null;
    }
}
