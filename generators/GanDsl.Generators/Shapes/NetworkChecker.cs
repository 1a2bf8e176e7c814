using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>Checks one generator, discriminator or block: its input, its graph (names, arguments, labels), its blocks,
/// shapes node by node, and the role's own rules. A block alone has no input shape: only what needs none is checked;
/// its shapes are checked where networks use it.</summary>
internal static class NetworkChecker
{
    public static NetworkAnalysis Check(NetworkSpec spec)
    {
        var problems = new List<Problem>(spec.DeclarationProblems);
        var input = new Shape(spec.Input);
        bool inputValid = spec.Role != NetworkRole.Block && ValidateInput(spec, input, problems);
        if (spec.Ops.Count == 0) problems.Add(BlockCatalog.NoLayers(spec));

        var graph = GraphBuilder.Build(spec);
        problems.AddRange(graph.Problems);

        var catalog = spec.Blocks.Count == 0 ? BlockCatalog.Empty : new BlockCatalog(spec.Blocks);
        bool malformedBlock = CheckBlockUses(spec, catalog, problems);

        GraphShapes? shapes = null;
        if (inputValid)
        {
            shapes = new ShapeInference(catalog).Run(graph, input, spec.Classes, spec.IsNoiseGenerator, spec.ClassName);
            problems.AddRange(shapes.Problems);
            if (spec.Role == NetworkRole.Discriminator && spec.Ops.Count > 0)
                CheckDiscriminatorEnd(spec, shapes.Output, problems);
        }
        return new NetworkAnalysis(spec, input, inputValid, graph, shapes, Distinct(problems), malformedBlock);
    }

    /// <summary>A use of a block that cannot be used gets that block's error, at the use (the block's own attribute is
    /// the additional location); a block on a cycle gets GAN019 at its own [Block] that closes it. Returns whether a
    /// used block has compiler errors in its attributes.</summary>
    private static bool CheckBlockUses(NetworkSpec spec, BlockCatalog catalog, List<Problem> problems)
    {
        var self = catalog.Find(spec.Key);
        if (spec.Role == NetworkRole.Block && self?.Cycle is { } cycle) problems.Add(cycle);
        bool malformed = false;
        for (int i = 0; i < spec.Ops.Count; i++)
        {
            if (spec.Ops[i] is not Block use || use.Key.Length == 0) continue; // no key: the reader reported the typeof
            if (self?.Cycle is { } own && own.Target == i) continue;
            var block = catalog.Find(use.Key);
            if (block is null)
            {
                problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, i,
                    Invariant($"{use.Display}: GanDsl cannot read block {use.Name}")));
                continue;
            }
            malformed |= block.Malformed;
            if (block.Error is not { } error) continue;
            var site = error.Problem.Target >= 0 ? new BlockSite(error.BlockKey, error.Problem.Target) : null;
            problems.Add(new Problem(error.Problem.Code, ProblemSeverity.Error, i,
                Invariant($"{use.Display}: {use.Name} has errors, so {spec.ClassName} cannot use it: {error.Problem.Message}"), "", site));
        }
        return malformed;
    }

    private static bool ValidateInput(NetworkSpec spec, Shape input, List<Problem> problems)
    {
        string? what = null;
        if (spec.Classes < 0)
            problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
                Invariant($"{spec.ClassName}: Classes must be 0 (unconditional) or at least 1, got {spec.Classes}")));
        if (spec.IsNoiseGenerator)
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
    private static void CheckDiscriminatorEnd(NetworkSpec spec, Shape? output, List<Problem> problems)
    {
        int last = spec.Ops.Count - 1;
        if (spec.Ops[last] is Activation { Name: "Sigmoid" })
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

    /// <summary>A problem found twice (a block repeated on the same shape fails the same way each time) is one problem.</summary>
    private static List<Problem> Distinct(List<Problem> problems)
    {
        var seen = new HashSet<Problem>();
        return problems.Where(seen.Add).ToList();
    }
}
