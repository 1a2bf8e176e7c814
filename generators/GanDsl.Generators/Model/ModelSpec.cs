using System;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Model;

internal enum ModelRole
{
    Generator,
    Discriminator,
}

/// <summary>
/// A generator or discriminator class as declared, read once from the compilation.
/// <see cref="Input"/> is the latent vector (generators) or the declared input shape (discriminators).
/// <see cref="UserMembers"/>: members of the generated half that the user's half declares itself (GAN007); a
/// declaration half leaves them out. <see cref="Declarable"/>: the class can take a declaration half, the other half a
/// model with errors gets (see Emitting/DeclarationHalfEmitter), without that half being a compiler error itself: it
/// is a plain partial top-level non-generic class with one role, and nothing in the user's half clashes with it.
/// </summary>
internal sealed record ModelSpec(
    string Namespace,
    string ClassName,
    ModelRole Role,
    EquatableArray<long> Input,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<Problem> DeclarationProblems,
    bool HasMalformedAttributes,
    string InternalError = "",
    EquatableArray<string> UserMembers = default,
    bool Declarable = false)
{
    /// <summary>What stands in for a class GanDsl failed to read: nothing is generated, GAN000 says why.</summary>
    public static ModelSpec Failed(string ns, string className, ModelRole role, Exception error) =>
        new(ns, className, role, EquatableArray<long>.Empty, EquatableArray<LayerSpec>.Empty, EquatableArray<Problem>.Empty,
            HasMalformedAttributes: true, InternalError: FailureText.Of(error));

    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;
}
