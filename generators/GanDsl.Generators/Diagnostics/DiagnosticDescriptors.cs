using System.Collections.Generic;
using System.Collections.Immutable;
using GanDsl.Generators.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Diagnostics;

/// <summary>The one catalogue of GanDsl diagnostics. The message text comes from the pure checker; each ID has a
/// description and a help page in the repository (docs/diagnostics/GANxxx.md: what it means, a wrong and a fixed example).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GanDsl";

    /// <summary>Where the help pages live; a test checks that every ID's page exists and its examples compile.</summary>
    public const string HelpLinkBase = "https://github.com/gandsl/gandsl/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Make(string id, string title, DiagnosticSeverity severity, string description, string message = "{0}") =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");

    public static readonly DiagnosticDescriptor ShapeMismatch = Make("GAN001", "Generator output does not fit the discriminator input", DiagnosticSeverity.Error,
        "The [Gan] pairing feeds the generator's output to the discriminator, so the generator's inferred output shape must equal the discriminator's declared input shape. Shapes are per sample and channels-first: (C, H, W) or (N).");
    public static readonly DiagnosticDescriptor ReshapeCount = Make("GAN002", "Reshape changes the element count", DiagnosticSeverity.Error,
        "A Reshape only rearranges the values of one sample, so the product of its dimensions must equal the element count of its input.");
    public static readonly DiagnosticDescriptor ImpossibleArithmetic = Make("GAN003", "Convolution, padding or upsampling arithmetic is impossible", DiagnosticSeverity.Error,
        "A convolution's output size follows PyTorch's formula from its input size, kernel, stride and padding; a result below 1 cannot be built, and Same = true on a transposed convolution with stride 1 and an even kernel has no padding that gives it.");
    public static readonly DiagnosticDescriptor WrongRank = Make("GAN004", "Layer receives an input of the wrong rank", DiagnosticSeverity.Error,
        "Dense takes a flat vector (N); convolutions, padding, pooling, Upsample, PixelShuffle and InstanceNorm take an image (C, H, W); BatchNorm, ConditionalBatchNorm and ConcatLabel take either. Insert a Flatten or a Reshape between layers of different ranks.");
    public static readonly DiagnosticDescriptor DiscriminatorOutput = Make("GAN005", "Discriminator does not output one logit per sample", DiagnosticSeverity.Error,
        "GanDsl's losses take one logit per sample from the discriminator: an output shape of (1), or (1, 1, 1) as from a final 4 x 4 convolution over a 4 x 4 map. A single-channel map (1, H, W) is a patch discriminator (GAN010); any other output is this error.");
    public static readonly DiagnosticDescriptor InvalidArgument = Make("GAN006", "Invalid layer or model argument", DiagnosticSeverity.Error,
        "An attribute argument is out of its range (a size below 1, a probability outside [0, 1), a learning rate that is not positive, ...) or two arguments contradict each other.");
    public static readonly DiagnosticDescriptor InvalidDeclaration = Make("GAN007", "Class cannot be a GanDsl model", DiagnosticSeverity.Error,
        "GanDsl writes the other half of each model class, so the class must be a plain, partial, non-generic class at namespace level, with one role, layers, no base class, and no member that the generated half declares; a [Gan] must name a [GanGenerator] and a [GanDiscriminator] class.");
    public static readonly DiagnosticDescriptor SigmoidOnLogits = Make("GAN008", "Discriminator ends in Sigmoid but losses take logits", DiagnosticSeverity.Warning,
        "GanDsl's losses apply the sigmoid themselves (binary cross-entropy on logits, which stays finite where a plain sigmoid saturates), so a final Sigmoid squashes the discriminator's output twice.");
    public static readonly DiagnosticDescriptor SizeOverflow = Make("GAN009", "Tensor size overflows", DiagnosticSeverity.Error,
        "A sample may hold at most 2,147,483,647 elements, and a model's parameter count must fit in a 64-bit integer; past that the sizes cannot be represented.");
    public static readonly DiagnosticDescriptor PatchMap = Make("GAN010", "Discriminator outputs a patch map", DiagnosticSeverity.Warning,
        "A discriminator whose output is a single-channel map (1, H, W) scores patches of the image (PatchGAN); the losses average over the patches, so it trains. A warning, in case one logit per sample was meant; silence it with .editorconfig for a deliberate patch discriminator.");

    public static readonly DiagnosticDescriptor ConcatShapes = Make("GAN011", "Concat joins values whose shapes do not fit", DiagnosticSeverity.Error,
        "Concat joins the current value with a named one along the channel axis of images, whose height and width must then agree, or along the feature axis of flat vectors; a flat vector and an image cannot be joined.");
    public static readonly DiagnosticDescriptor AddShapes = Make("GAN012", "Add sums values of different shapes", DiagnosticSeverity.Error,
        "Add sums the current value and a named one element by element (a skip or residual connection), so both must have the same shape; GanDsl does not broadcast.");
    public static readonly DiagnosticDescriptor UnknownName = Make("GAN013", "Value name used before it is tapped, unknown, or tapped twice", DiagnosticSeverity.Error,
        "Concat and Add read a value named by an earlier Tap in the same class or block (\"input\" is always the input). A name must be tapped before it is read, and each name names one value.");
    public static readonly DiagnosticDescriptor UnusedTap = Make("GAN014", "Tapped value is never used", DiagnosticSeverity.Warning,
        "A Tap names a value so a later Concat or Add can read it; a name nothing reads is probably a forgotten skip connection or a misspelt name.");
    public static readonly DiagnosticDescriptor LabelWithoutClasses = Make("GAN015", "Label layer without class labels", DiagnosticSeverity.Error,
        "ConcatLabel, ConditionalBatchNorm and ProjectLabel read each sample's class label, which a network has only when its role attribute declares Classes; a block has no labels.");
    public static readonly DiagnosticDescriptor UnusedClasses = Make("GAN016", "Classes declared but no layer reads the labels", DiagnosticSeverity.Warning,
        "A network with Classes takes labels in its forward, but without a ConcatLabel, ConditionalBatchNorm or ProjectLabel layer they change nothing.");
    public static readonly DiagnosticDescriptor ProjectLabelPlacement = Make("GAN017", "ProjectLabel is not a discriminator's last layer on a flat input", DiagnosticSeverity.Error,
        "ProjectLabel turns a feature vector (F) and the label into the discriminator's logit, so it must be the last layer of a discriminator and receive a flat input.");
    public static readonly DiagnosticDescriptor ClassesMismatch = Make("GAN018", "Generator and discriminator disagree on Classes", DiagnosticSeverity.Error,
        "In a conditional GAN both networks see the same labels, so the generator and the discriminator of a [Gan] must declare the same Classes, or neither.");
    public static readonly DiagnosticDescriptor RecursiveBlock = Make("GAN019", "Block uses itself", DiagnosticSeverity.Error,
        "A [GanBlock] is expanded where it is used; a block that uses itself, directly or through other blocks, would never end.");
    public static readonly DiagnosticDescriptor ImageToImageInGan = Make("GAN020", "Image-to-image generator in a [Gan]", DiagnosticSeverity.Error,
        "A generator declared with an input shape takes an image instead of noise. [Gan] trains a noise-to-image pair; an image-to-image generator needs an image-to-image objective (paired images or cycle consistency), which [Gan] does not have.");
    public static readonly DiagnosticDescriptor CriticSigmoid = Make("GAN022", "Critic loss with a discriminator that ends in Sigmoid", DiagnosticSeverity.Error,
        "The Wasserstein, WassersteinGP and Hinge losses read the discriminator's output as an unbounded score (a critic). A final Sigmoid bounds it to (0, 1): the Wasserstein estimate is squashed, the hinge margins at -1 and 1 are out of reach, and the gradients vanish where the sigmoid saturates.");
    public static readonly DiagnosticDescriptor CriticBatchNorm = Make("GAN023", "BatchNorm in a gradient-penalty critic", DiagnosticSeverity.Warning,
        "The gradient penalty constrains the critic's gradient with respect to each sample on its own; BatchNorm makes a sample's output depend on the other samples of its batch, so the penalised gradient is not the critic's. The WGAN-GP paper leaves normalisation out of the critic or uses layer normalisation.");
    public static readonly DiagnosticDescriptor ClassifierWithoutProjection = Make("GAN024", "Auxiliary classifier without a projection discriminator", DiagnosticSeverity.Error,
        "AuxiliaryClassifierWeight trains the discriminator's [ProjectLabel] label embeddings as a classifier of its features (AC-GAN on a projection discriminator). The pair must be class-conditional and its discriminator must end in [ProjectLabel].");

    /// <summary>Reported by the generator itself, not the analyzer: GanDsl failed on a class (a bug in GanDsl). The
    /// generator never throws (that would be CS8785 and drop all its output), but it must not fail silently either.</summary>
    public static readonly DiagnosticDescriptor InternalError = Make("GAN000", "GanDsl failed to generate code for a class", DiagnosticSeverity.Error,
        "GanDsl itself failed on this class: a bug in GanDsl, not in your model. The generator reports it instead of throwing, so the rest of the build's output stays.",
        "GanDsl could not generate code for {0} ({1}); this is a bug in GanDsl, please report it with the declaration");

    /// <summary>What the analyzer reports (GAN000 comes from the generator).</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        ShapeMismatch, ReshapeCount, ImpossibleArithmetic, WrongRank, DiscriminatorOutput,
        InvalidArgument, InvalidDeclaration, SigmoidOnLogits, SizeOverflow, PatchMap, ConcatShapes, AddShapes, UnknownName,
        UnusedTap, LabelWithoutClasses, UnusedClasses, ProjectLabelPlacement, ClassesMismatch, RecursiveBlock, ImageToImageInGan, CriticSigmoid, CriticBatchNorm,
        ClassifierWithoutProjection);

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
        [ProblemCode.PatchMap] = PatchMap,
        [ProblemCode.ConcatShapes] = ConcatShapes,
        [ProblemCode.AddShapes] = AddShapes,
        [ProblemCode.UnknownName] = UnknownName,
        [ProblemCode.UnusedTap] = UnusedTap,
        [ProblemCode.LabelWithoutClasses] = LabelWithoutClasses,
        [ProblemCode.UnusedClasses] = UnusedClasses,
        [ProblemCode.ProjectLabelPlacement] = ProjectLabelPlacement,
        [ProblemCode.ClassesMismatch] = ClassesMismatch,
        [ProblemCode.RecursiveBlock] = RecursiveBlock,
        [ProblemCode.ImageToImageInGan] = ImageToImageInGan,
        [ProblemCode.CriticSigmoid] = CriticSigmoid,
        [ProblemCode.CriticBatchNorm] = CriticBatchNorm,
        [ProblemCode.ClassifierWithoutProjection] = ClassifierWithoutProjection,
    };

    public static DiagnosticDescriptor For(ProblemCode code) => ByCode[code];
}
