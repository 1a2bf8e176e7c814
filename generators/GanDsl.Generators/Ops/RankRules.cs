using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>The wrong-rank failures (GAN004) layers share, with the fix each suggests.</summary>
internal static class RankRules
{
    public static Inferred NeedsFlat(Shape input, Op op) =>
        Inferred.Fail(ProblemCode.WrongRank, Invariant($"{op.Display} needs a flat (N) input but receives {input}; add [Flatten] before it"), "Flatten");

    public static Inferred NeedsImage(Shape input, Op op, LayerContext context)
    {
        var (hint, fix) = Suggestions.ForImageInput(input, context.InputIsLatent);
        string received = context.InputIsLatent ? Invariant($"the latent vector {input}") : input.ToString();
        return Inferred.Fail(ProblemCode.WrongRank, Invariant($"{op.Display} needs an image (C, H, W) input but receives {received}{hint}"), fix);
    }

    public static Inferred NeedsFlatOrImage(Shape input, Op op) =>
        Inferred.Fail(ProblemCode.WrongRank, Invariant($"{op.Display} needs a flat (N) or image (C, H, W) input but receives {input}"));
}
