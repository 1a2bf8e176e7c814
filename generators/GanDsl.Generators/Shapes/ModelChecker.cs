using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>Checks one generator or discriminator: arguments, shapes layer by layer, and the role's own rules.</summary>
internal static class ModelChecker
{
    public static ModelAnalysis Check(ModelSpec spec)
    {
        var problems = new List<Problem>(spec.DeclarationProblems);
        var results = new List<LayerResult>();
        var input = new Shape(spec.Input);

        bool inputValid = ValidateInput(spec, input, problems);
        if (spec.Layers.Count == 0)
            problems.Add(new Problem(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{spec.ClassName} declares no layers; add layer attributes such as [Dense(256)] in order")));

        Shape? current = inputValid ? input : null;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var argumentProblems = LayerValidation.Validate(layer, i).ToList();
            problems.AddRange(argumentProblems);
            if (current is null || argumentProblems.Count > 0) { current = null; continue; }

            var (result, problem) = ShapeInference.Infer(current, layer, i, inputIsLatent: i == 0 && spec.Role == ModelRole.Generator);
            if (problem is not null) problems.Add(problem);
            current = result?.Output;
            if (result is not null) results.Add(result);
        }

        // Each layer's count fits in a long, their sum need not (three Dense(int.MaxValue) layers); the emitter
        // writes the total as a long constant, so it must be checked here rather than throw there.
        long total = 0;
        foreach (var result in results)
        {
            if (result.Parameters <= long.MaxValue - total) { total += result.Parameters; continue; }
            problems.Add(new Problem(ProblemCode.SizeOverflow, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{spec.ClassName}: the total number of parameters exceeds {long.MaxValue}")));
            current = null;
            break;
        }

        bool complete = current is not null && results.Count == spec.Layers.Count && spec.Layers.Count > 0;
        var output = complete ? current : null;
        if (spec.Role == ModelRole.Discriminator && spec.Layers.Count > 0)
            CheckDiscriminatorEnd(spec, output, problems);

        return new ModelAnalysis(spec, input, results.ToEquatableArray(), output, problems.ToEquatableArray(), inputValid);
    }

    private static bool ValidateInput(ModelSpec spec, Shape input, List<Problem> problems)
    {
        string? what = null;
        if (spec.Role == ModelRole.Generator)
        {
            if (input.Rank != 1 || input[0] < 1) what = Invariant($"LatentDim must be at least 1, got {(input.Rank == 1 ? input[0] : 0)}");
        }
        else if (input.Rank != 1 && input.Rank != 3)
            what = Invariant($"the input shape must be (C, H, W) or (N), got {input} with {input.Rank} dimension(s)");
        else if (input.Dims.Any(d => d < 1))
            what = Invariant($"every input dimension must be at least 1, got {input}");
        else if (input.Dims.Aggregate(1.0, (a, d) => a * d) > ShapeInference.MaxElements)
        {
            problems.Add(new Problem(ProblemCode.SizeOverflow, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{spec.ClassName}: input {input} has more than {ShapeInference.MaxElements} elements per sample")));
            return false;
        }

        if (what is null) return true;
        problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ModelAttribute, Invariant($"{spec.ClassName}: {what}")));
        return false;
    }

    /// <summary>
    /// Our losses need one logit per sample: (1), or (1, 1, 1) as PyTorch's DCGAN discriminator ends (a 4 x 4
    /// convolution over a 4 x 4 map); the losses average over every element, so both train alike. A larger (1, H, W)
    /// map is a PatchGAN-style discriminator whose per-patch logits the loss averages: allowed, with a warning (GAN010,
    /// its own ID so .editorconfig can silence it without touching GAN005). Anything else is an error (GAN005).
    /// A final Sigmoid is a warning because every loss applies its own (BCE-with-logits numerics).
    /// </summary>
    private static void CheckDiscriminatorEnd(ModelSpec spec, Shape? output, List<Problem> problems)
    {
        int last = spec.Layers.Count - 1;
        if (spec.Layers[last].Kind == LayerKind.Sigmoid)
            problems.Add(new Problem(ProblemCode.SigmoidOnLogits, ProblemSeverity.Warning, last,
                Invariant($"{spec.ClassName} ends in Sigmoid but GanDsl losses take logits and apply the sigmoid themselves; remove [Sigmoid] so D(x) is not squashed twice")));

        if (output is null || IsOneLogit(output)) return;
        if (output.Rank == 3 && output[0] == 1)
            problems.Add(new Problem(ProblemCode.PatchMap, ProblemSeverity.Warning, last,
                Invariant($"{spec.ClassName} outputs a patch map {output}, not one logit per sample (1); the loss averages over the {output[1] * output[2]} patches")));
        else
            problems.Add(new Problem(ProblemCode.DiscriminatorOutput, ProblemSeverity.Error, last,
                Invariant($"{spec.ClassName} must output one logit per sample, (1) or (1, 1, 1), but its last layer gives {output}; end with [Flatten] and [Dense(1)]")));
    }

    private static bool IsOneLogit(Shape output) => output.Dims.All(d => d == 1) && output.Rank is 1 or 3;
}
