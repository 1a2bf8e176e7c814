using System.Collections.Generic;
using GanDsl.Generators.Model;
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

        if (generator.HasErrors || discriminator.HasErrors || problems.Count > gan.DeclarationProblems.Count) return problems;
        var produced = generator.Output!;
        var expected = discriminator.Input;
        if (!produced.Equals(expected))
        {
            var (hint, fix) = Suggestions.ForMismatch(produced, expected, g.ClassName);
            problems.Add(new Problem(ProblemCode.ShapeMismatch, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{g.ClassName} produces {produced} but {d.ClassName} expects {expected}{hint}"), fix));
        }
        return problems;
    }

    private static Problem Error(ProblemCode code, string message) => new(code, ProblemSeverity.Error, ProblemTarget.ModelAttribute, message);

    /// <summary>GanModel&lt;G, D&gt; can hold the pair: a noise generator and a discriminator, both unconditional or
    /// both conditional (a mixed pair is GAN018; GanModel refuses it when it is created).</summary>
    public static bool FitsGanModel(NetworkSpec generator, NetworkSpec discriminator) =>
        generator.IsNoiseGenerator && generator.IsConditional == discriminator.IsConditional;
}
