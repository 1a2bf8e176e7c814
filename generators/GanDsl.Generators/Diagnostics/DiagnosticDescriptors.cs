using System.Collections.Generic;
using System.Collections.Immutable;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Diagnostics;

/// <summary>The one catalogue of GanDsl diagnostics. The message text comes from the pure checker.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GanDsl";
    private const string HelpBase = "https://github.com/gandsl/gandsl/blob/main/README.md#";

    private static DiagnosticDescriptor Make(string id, string title, DiagnosticSeverity severity, string anchor) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + anchor);

    public static readonly DiagnosticDescriptor ShapeMismatch = Make("GAN001", "Generator output does not fit the discriminator input", DiagnosticSeverity.Error, "gan001");
    public static readonly DiagnosticDescriptor ReshapeCount = Make("GAN002", "Reshape changes the element count", DiagnosticSeverity.Error, "gan002");
    public static readonly DiagnosticDescriptor ImpossibleArithmetic = Make("GAN003", "Convolution, padding or upsampling arithmetic is impossible", DiagnosticSeverity.Error, "gan003");
    public static readonly DiagnosticDescriptor WrongRank = Make("GAN004", "Layer receives an input of the wrong rank", DiagnosticSeverity.Error, "gan004");
    public static readonly DiagnosticDescriptor DiscriminatorOutput = Make("GAN005", "Discriminator does not output one logit per sample", DiagnosticSeverity.Error, "gan005");
    public static readonly DiagnosticDescriptor InvalidArgument = Make("GAN006", "Invalid layer or model argument", DiagnosticSeverity.Error, "gan006");
    public static readonly DiagnosticDescriptor InvalidDeclaration = Make("GAN007", "Class cannot be a GanDsl model", DiagnosticSeverity.Error, "gan007");
    public static readonly DiagnosticDescriptor SigmoidOnLogits = Make("GAN008", "Discriminator ends in Sigmoid but losses take logits", DiagnosticSeverity.Warning, "gan008");
    public static readonly DiagnosticDescriptor SizeOverflow = Make("GAN009", "Tensor size overflows", DiagnosticSeverity.Error, "gan009");

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
