using System;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Model;

internal enum NetworkRole
{
    Generator,
    Discriminator,
    Block,
}

/// <summary>
/// A generator, discriminator or block class as declared, read once from the compilation. Pure values (no Roslyn
/// types), value-equal, so the incremental pipeline caches on them.
/// <see cref="Input"/>: the latent size (N) of a noise generator, the input shape of an image-conditioned generator or
/// a discriminator; empty for a block, whose input is known only where it is used. <see cref="ImageInput"/>: a
/// generator declared with an input shape. <see cref="Classes"/>: 0 for an unconditional network.
/// <see cref="Ops"/>: one per layer attribute, in source order (their index is the attribute's, which diagnostics point at).
/// <see cref="Blocks"/>: every block the network uses, directly or through other blocks (each once), so the checker
/// needs nothing else from the compilation and an edit to a block changes exactly the networks that use it.
/// <see cref="UserMembers"/>: members of the generated half that the user's half declares itself (GAN007); a
/// declaration half leaves them out. <see cref="Declarable"/>: the class can take a declaration half, the other half a
/// network with errors gets (see Emitting/DeclarationHalfEmitter), without that half being a compiler error itself.
/// </summary>
internal sealed record NetworkSpec(
    string Namespace,
    string ClassName,
    NetworkRole Role,
    EquatableArray<long> Input,
    EquatableArray<Op> Ops,
    EquatableArray<Problem> DeclarationProblems,
    bool HasMalformedAttributes,
    bool ImageInput = false,
    long Classes = 0,
    EquatableArray<NetworkSpec> Blocks = default,
    string InternalError = "",
    EquatableArray<string> UserMembers = default,
    bool Declarable = false)
{
    /// <summary>What stands in for a class GanDsl failed to read: nothing is generated, GAN000 says why.</summary>
    public static NetworkSpec Failed(string ns, string className, NetworkRole role, Exception error) =>
        new(ns, className, role, EquatableArray<long>.Empty, EquatableArray<Op>.Empty, EquatableArray<Problem>.Empty,
            HasMalformedAttributes: true, InternalError: FailureText.Of(error));

    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;

    /// <summary>The key other specs find this one by (a [Gan] its networks, a [Block] use its block).</summary>
    public string Key => GanSpec.KeyOf(Namespace, ClassName);

    public bool IsConditional => Classes > 0;

    /// <summary>A generator whose input is noise (LatentDim), not an image.</summary>
    public bool IsNoiseGenerator => Role == NetworkRole.Generator && !ImageInput;
}
