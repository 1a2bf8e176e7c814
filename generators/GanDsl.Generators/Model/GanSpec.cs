using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Model;

/// <summary>
/// A [Gan] class with both of its networks, so the pairing check and the trainer emitter need nothing else from
/// the compilation. The generator pipeline reads the networks once, as their own models, and fills them in from
/// there (by <see cref="GeneratorKey"/> / <see cref="DiscriminatorKey"/>); the analyzer reads them directly.
/// <see cref="UserMembers"/> and <see cref="Declarable"/> as on <see cref="NetworkSpec"/>; for a [Gan], declarable also
/// needs well-formed attributes and type arguments that are networks of the right role it may name (accessibility).
/// </summary>
internal sealed record GanSpec(
    string Namespace,
    string ClassName,
    GanOptionsSpec Options,
    NetworkSpec? Generator,
    NetworkSpec? Discriminator,
    string GeneratorTypeName,
    string DiscriminatorTypeName,
    EquatableArray<Problem> DeclarationProblems,
    bool HasMalformedAttributes,
    string GeneratorKey = "",
    string DiscriminatorKey = "",
    string InternalError = "",
    EquatableArray<string> UserMembers = default,
    bool Declarable = false)
{
    /// <summary>What stands in for a [Gan] class GanDsl failed to read: nothing is generated, GAN000 says why.</summary>
    public static GanSpec Failed(string ns, string className, System.Exception error) =>
        new(ns, className, GanOptionsSpec.Unread, null, null, "", "", EquatableArray<Problem>.Empty,
            HasMalformedAttributes: true, InternalError: FailureText.Of(error));

    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;

    /// <summary>The key a network's own model is found by: namespace and class name as <see cref="NetworkSpec"/> holds them.</summary>
    public static string KeyOf(string ns, string className) => ns + "|" + className;

    /// <summary>KeyOf(spec.Namespace, spec.ClassName) == key, without building the string (a [Gan] scans every network).</summary>
    public static bool IsKeyOf(string key, NetworkSpec spec) =>
        key.Length == spec.Namespace.Length + 1 + spec.ClassName.Length
        && key.StartsWith(spec.Namespace, System.StringComparison.Ordinal)
        && key[spec.Namespace.Length] == '|'
        && key.EndsWith(spec.ClassName, System.StringComparison.Ordinal);
}
