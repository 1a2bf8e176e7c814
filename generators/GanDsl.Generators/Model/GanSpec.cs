using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Model;

/// <summary>The training options declared on a [Gan] class; Loss holds the GanLoss enum's value.</summary>
internal sealed record GanOptionsSpec(int Loss, double LearningRate, double Beta1, double Beta2, bool DcganInit);

/// <summary>
/// A [Gan] class with both of its networks read in full, so the pairing check and the trainer emitter
/// need nothing else from the compilation.
/// </summary>
internal sealed record GanSpec(
    string Namespace,
    string ClassName,
    GanOptionsSpec Options,
    ModelSpec? Generator,
    ModelSpec? Discriminator,
    string GeneratorTypeName,
    string DiscriminatorTypeName,
    EquatableArray<Problem> DeclarationProblems,
    bool HasMalformedAttributes);
