using System;

namespace GanDsl.Generators.Shapes;

/// <summary>What is wrong; the number is the diagnostic ID (GAN001 ...).</summary>
internal enum ProblemCode
{
    ShapeMismatch = 1,
    ReshapeCount = 2,
    ImpossibleArithmetic = 3,
    WrongRank = 4,
    DiscriminatorOutput = 5,
    InvalidArgument = 6,
    InvalidDeclaration = 7,
    SigmoidOnLogits = 8,
    SizeOverflow = 9,
    PatchMap = 10,
    ConcatShapes = 11,
    AddShapes = 12,
    UnknownName = 13,
    UnusedTap = 14,
    LabelWithoutClasses = 15,
    UnusedClasses = 16,
    ProjectLabelPlacement = 17,
    ClassesMismatch = 18,
    RecursiveBlock = 19,
    ImageToImageInGan = 20,
    // 21 was "conditional networks in a [Gan]" until conditional training arrived; not reused.
    CriticSigmoid = 22,
    CriticBatchNorm = 23,
    ClassifierWithoutProjection = 24,
}

internal enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>Where a problem points: a layer attribute (index 0, 1, ...) or one of these.</summary>
internal static class ProblemTarget
{
    /// <summary>The [GanGenerator], [GanDiscriminator], [GanBlock] or [Gan] attribute.</summary>
    public const int ModelAttribute = -1;

    /// <summary>The class name in its declaration.</summary>
    public const int ClassName = -2;
}

/// <summary>The attribute inside a block that a problem found at a [Block] use comes from: the block (by key) and the
/// index of its layer attribute. The diagnostic's additional location.</summary>
internal sealed record BlockSite(string BlockKey, int Attribute);

/// <summary>
/// One finding of the pure checker. <see cref="Fix"/> carries what a code fix needs
/// (e.g. "Flatten" or "Reshape:1,28,28"); empty when no single fix is right. <see cref="Inner"/>: for a problem inside
/// a block, found where the network uses it (<see cref="Target"/> is that [Block] attribute), the block's own attribute.
/// </summary>
internal sealed record Problem(ProblemCode Code, ProblemSeverity Severity, int Target, string Message, string Fix = "", BlockSite? Inner = null)
{
    public string Id => "GAN" + ((int)Code).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    public bool IsError => Severity == ProblemSeverity.Error;
}
