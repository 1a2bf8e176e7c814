using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Ops;

/// <summary>[Add(name)]: the current value plus a named one of the same shape (skip and residual connections);
/// no broadcasting, no parameters.</summary>
internal sealed record Add(string Name) : MergeOp(Name)
{
    public override string Display => "Add(" + OpText.Quoted(Name) + ")";

    public override string Stem => "add";

    public override Inferred Infer(Shape current, Shape named) => current.Equals(named)
        ? Inferred.Ok(current)
        : Inferred.Fail(ProblemCode.AddShapes,
            Invariant($"{Display} adds {OpText.Quoted(Name)} {named} to {current}; the shapes must be equal"));

    public override string Expression(string current, string named) => $"{current} + {named}";
}
