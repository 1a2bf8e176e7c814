using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>Checks a [Gan] pairing: both networks exist, they are the kind [Gan] trains (noise to image, both
/// unconditional or both conditional on the same Classes), and the generator's output is the discriminator's input.</summary>
internal static class PairChecker
{
    public static IReadOnlyList<Problem> Check(GanSpec gan, NetworkAnalysis? generator, NetworkAnalysis? discriminator)
    {
        var problems = new List<Problem>(gan.DeclarationProblems);
        if (generator is null || discriminator is null) return problems;
        var (g, d) = (generator.Spec, discriminator.Spec);

        if (g.ImageInput)
            problems.Add(Error(ProblemCode.ImageToImageInGan,
                Invariant($"{g.ClassName} takes an image{(generator.KnownInput is { } image ? " " + image : "")}, not noise: [Gan] trains noise-to-image generators, and an image-to-image generator needs an image-to-image objective (paired or cycle-consistent images); use {g.ClassName} as a module until such an objective is declared")));
        if (g.Classes != d.Classes)
            problems.Add(Error(ProblemCode.ClassesMismatch, g.IsConditional && d.IsConditional
                ? Invariant($"{g.ClassName} is conditional on {g.Classes} classes but {d.ClassName} on {d.Classes}; both networks of a [Gan] must declare the same Classes")
                : Invariant($"{(g.IsConditional ? g.ClassName : d.ClassName)} is conditional (Classes = {System.Math.Max(g.Classes, d.Classes)}) but {(g.IsConditional ? d.ClassName : g.ClassName)} is not; declare the same Classes on both networks, or on neither")));

        var critic = CriticProblems(gan.Options, d).Concat(ClassifierProblems(gan.Options, d)).ToList();
        if (generator.HasErrors || discriminator.HasErrors || problems.Count > gan.DeclarationProblems.Count)
        {
            problems.AddRange(critic);
            return problems;
        }
        var produced = generator.Output!;
        var expected = discriminator.Input;
        if (!produced.Equals(expected))
        {
            var (hint, fix) = Suggestions.ForMismatch(produced, expected, g.ClassName);
            problems.Add(new Problem(ProblemCode.ShapeMismatch, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{g.ClassName} produces {produced} but {d.ClassName} expects {expected}{hint}"), fix));
        }
        problems.AddRange(critic);
        return problems;
    }

    /// <summary>What the loss asks of the discriminator: a critic loss (Wasserstein, WassersteinGP, Hinge) reads an
    /// unbounded score, so a final Sigmoid is an error (GAN022, besides GAN008's general warning); a gradient penalty
    /// is per sample, so BatchNorm in D (or in a block it uses) is a warning (GAN023). Both on the [Gan] attribute,
    /// whose loss makes the layer wrong.</summary>
    private static IEnumerable<Problem> CriticProblems(GanOptionsSpec options, NetworkSpec d)
    {
        if (!options.IsValid("Loss") || d.Ops.Count == 0) yield break;
        string loss = GanRecipes.LossNames[options.Loss];
        if (GanRecipes.IsCritic(options.Loss) && d.Ops[d.Ops.Count - 1] is Activation { Name: "Sigmoid" })
            yield return new Problem(ProblemCode.CriticSigmoid, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"Loss = GanLoss.{loss} reads {d.ClassName}'s output as an unbounded critic score, but {d.ClassName} ends in Sigmoid, which squashes it into (0, 1); remove [Sigmoid] from {d.ClassName}"));
        if (options.GradientPenalty > 0 && options.IsValid("GradientPenalty") && BatchNormSite(d) is { } site)
        {
            string penalty = options.Loss == GanRecipes.WassersteinGP && options.GradientPenalty == 10 ? "WassersteinGP's gradient penalty" : Invariant($"the gradient penalty (GradientPenalty = {OpText.Num(options.GradientPenalty)})");
            yield return new Problem(ProblemCode.CriticBatchNorm, ProblemSeverity.Warning, ProblemTarget.ModelAttribute,
                Invariant($"{d.ClassName} has [{site.Layer}] {site.Where}, but {penalty} is taken per sample and {site.Layer} mixes the samples of a batch; use [LayerNorm] or no normalisation in the critic"));
        }
    }

    /// <summary>AuxiliaryClassifierWeight reads class logits from D's final [ProjectLabel] (GAN024 on the [Gan]
    /// attribute, naming what D ends in instead).</summary>
    private static IEnumerable<Problem> ClassifierProblems(GanOptionsSpec options, NetworkSpec d)
    {
        if (!(options.AuxiliaryClassifierWeight > 0) || !options.IsValid("AuxiliaryClassifierWeight")) yield break;
        string weight = Invariant($"AuxiliaryClassifierWeight = {OpText.Num(options.AuxiliaryClassifierWeight)}");
        string why = $"{weight} classifies samples with {d.ClassName}'s [ProjectLabel] label embeddings";
        if (!d.IsConditional)
            yield return Error(ProblemCode.ClassifierWithoutProjection,
                $"{why}, but {d.ClassName} is not conditional (no Classes); declare Classes on both networks and end {d.ClassName} with [ProjectLabel], or remove AuxiliaryClassifierWeight");
        else if (d.Ops.Count == 0 || d.Ops[d.Ops.Count - 1] is not ProjectLabel)
            yield return Error(ProblemCode.ClassifierWithoutProjection,
                $"{why}, but {d.ClassName} ends in {(d.Ops.Count == 0 ? "nothing" : d.Ops[d.Ops.Count - 1].Display)}; end {d.ClassName} with [ProjectLabel] (after [Flatten] or [GlobalSumPool]), or remove AuxiliaryClassifierWeight");
    }

    /// <summary>Which batch norm D first uses (BatchNorm or ConditionalBatchNorm, both mix a batch's samples) and
    /// where: "(layer attribute 3)", or "in block ResBlock"; null when it uses none.</summary>
    private static (string Layer, string Where)? BatchNormSite(NetworkSpec d)
    {
        static string? Kind(Op op) => op switch { BatchNorm => "BatchNorm", ConditionalBatchNorm => "ConditionalBatchNorm", _ => null };
        for (int i = 0; i < d.Ops.Count; i++)
            if (Kind(d.Ops[i]) is { } kind) return (kind, Invariant($"(layer attribute {i + 1})"));
        foreach (var block in d.Blocks)
            if (block.Ops.Select(Kind).FirstOrDefault(k => k is not null) is { } kind) return (kind, $"in block {block.ClassName}");
        return null;
    }

    private static Problem Error(ProblemCode code, string message) => new(code, ProblemSeverity.Error, ProblemTarget.ModelAttribute, message);

    /// <summary>GanModel&lt;G, D&gt; can hold the pair: a noise generator and a discriminator, both unconditional or
    /// both conditional (a mixed pair is GAN018; GanModel refuses it when it is created).</summary>
    public static bool FitsGanModel(NetworkSpec generator, NetworkSpec discriminator) =>
        generator.IsNoiseGenerator && generator.IsConditional == discriminator.IsConditional;
}
