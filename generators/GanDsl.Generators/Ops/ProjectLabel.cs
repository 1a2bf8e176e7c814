using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[ProjectLabel]: a projection discriminator's output, features (F) -> one logit (1) as
/// Dense(1)(h) + &lt;embed(label), h&gt;; F + 1 + Classes * F parameters. Only last in a discriminator (GAN017, checked
/// with the graph); a non-flat input is GAN017 too, with the layer that makes it flat.</summary>
internal sealed record ProjectLabel(bool SpectralNorm = false) : LayerOp
{
    public override string Display => SpectralNorm ? "ProjectLabel(SpectralNorm = true)" : "ProjectLabel";

    public override string Stem => "projectLabel";

    public override bool ReadsLabels => true;

    public override Inferred Infer(Shape input, LayerContext context)
    {
        if (input.Rank != 1)
            return Inferred.Fail(ProblemCode.ProjectLabelPlacement,
                Invariant($"{Display} projects a flat feature vector (F), but receives {input}; add [Flatten] or [GlobalSumPool] before it"));
        long features = input[0];
        return Inferred.Ok(new Shape(1), checked(features + 1 + context.Classes * features));
    }

    public override LayerCode Code(Shape input, LayerContext context) =>
        new(Names.Layers + ".ProjectLabel",
            Invariant($"new {Names.Layers}.ProjectLabel(classes: {context.Classes}, features: {input[0]}, spectralNorm: {OpText.Bool(SpectralNorm)})"), "ProjectLabel");
}
