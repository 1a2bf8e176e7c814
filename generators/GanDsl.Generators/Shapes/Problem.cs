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
}

internal enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>Where a problem points: a layer attribute (index 0, 1, ...) or one of these.</summary>
internal static class ProblemTarget
{
    /// <summary>The [GanGenerator], [GanDiscriminator] or [Gan] attribute.</summary>
    public const int ModelAttribute = -1;

    /// <summary>The class name in its declaration.</summary>
    public const int ClassName = -2;
}

/// <summary>
/// One finding of the pure checker. <see cref="Fix"/> carries what a code fix needs
/// (e.g. "Flatten" or "Reshape:1,28,28"); empty when no single fix is right.
/// </summary>
internal sealed record Problem(ProblemCode Code, ProblemSeverity Severity, int Target, string Message, string Fix = "")
{
    public string Id => "GAN" + ((int)Code).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    public bool IsError => Severity == ProblemSeverity.Error;
}
