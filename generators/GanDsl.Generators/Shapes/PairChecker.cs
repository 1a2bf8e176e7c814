using System.Collections.Generic;
using GanDsl.Generators.Model;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>Checks a [Gan] pairing: both networks exist and the generator's output is the discriminator's input.</summary>
internal static class PairChecker
{
    public static IReadOnlyList<Problem> Check(GanSpec gan, ModelAnalysis? generator, ModelAnalysis? discriminator)
    {
        var problems = new List<Problem>(gan.DeclarationProblems);
        if (generator is null || discriminator is null || generator.HasErrors || discriminator.HasErrors) return problems;

        var produced = generator.Output!;
        var expected = discriminator.Input;
        if (!produced.Equals(expected))
        {
            var (hint, fix) = Suggestions.ForMismatch(produced, expected, generator.Spec.ClassName);
            problems.Add(new Problem(ProblemCode.ShapeMismatch, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{generator.Spec.ClassName} produces {produced} but {discriminator.Spec.ClassName} expects {expected}{hint}"), fix));
        }
        return problems;
    }
}
