using System.Collections.Generic;
using System.Collections.Immutable;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Diagnostics;

/// <summary>The one catalogue of GanDsl diagnostics. The message text comes from the pure checker.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GanDsl";

    // No help link: the package has no public home yet, and a dead link is worse than none. The README's
    // "How GanDsl checks your model" section documents every ID.
    private static DiagnosticDescriptor Make(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ShapeMismatch = Make("GAN001", "Generator output does not fit the discriminator input", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReshapeCount = Make("GAN002", "Reshape changes the element count", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ImpossibleArithmetic = Make("GAN003", "Convolution, padding or upsampling arithmetic is impossible", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor WrongRank = Make("GAN004", "Layer receives an input of the wrong rank", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DiscriminatorOutput = Make("GAN005", "Discriminator does not output one logit per sample", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidArgument = Make("GAN006", "Invalid layer or model argument", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidDeclaration = Make("GAN007", "Class cannot be a GanDsl model", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SigmoidOnLogits = Make("GAN008", "Discriminator ends in Sigmoid but losses take logits", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SizeOverflow = Make("GAN009", "Tensor size overflows", DiagnosticSeverity.Error);

    /// <summary>Reported by the generator itself, not the analyzer: GanDsl failed on a class (a bug in GanDsl). The
    /// generator never throws (that would be CS8785 and drop all its output), but it must not fail silently either.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("GAN000", "GanDsl failed to generate code for a class",
        "GanDsl could not generate code for {0} ({1}); this is a bug in GanDsl, please report it with the declaration",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>What the analyzer reports (GAN000 comes from the generator).</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        ShapeMismatch, ReshapeCount, ImpossibleArithmetic, WrongRank, DiscriminatorOutput,
        InvalidArgument, InvalidDeclaration, SigmoidOnLogits, SizeOverflow);

    private static readonly Dictionary<ProblemCode, DiagnosticDescriptor> ByCode = new()
    {
        [ProblemCode.ShapeMismatch] = ShapeMismatch,
        [ProblemCode.ReshapeCount] = ReshapeCount,
        [ProblemCode.ImpossibleArithmetic] = ImpossibleArithmetic,
        [ProblemCode.WrongRank] = WrongRank,
        [ProblemCode.DiscriminatorOutput] = DiscriminatorOutput,
        [ProblemCode.InvalidArgument] = InvalidArgument,
        [ProblemCode.InvalidDeclaration] = InvalidDeclaration,
        [ProblemCode.SigmoidOnLogits] = SigmoidOnLogits,
        [ProblemCode.SizeOverflow] = SizeOverflow,
    };

    public static DiagnosticDescriptor For(ProblemCode code) => ByCode[code];
}
