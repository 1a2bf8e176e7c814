using GanDsl.Generators.Emitting;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Ops;

/// <summary>[ReLU], [Tanh], [Sigmoid]: TorchSharp modules without arguments or parameters; any shape, unchanged.
/// One record for the three, because they differ only in their name.</summary>
internal sealed record Activation(string Name) : LayerOp
{
    public static readonly Activation ReLU = new("ReLU");
    public static readonly Activation Tanh = new("Tanh");
    public static readonly Activation Sigmoid = new("Sigmoid");

    public override string Display => Name;

    public override string Stem => Name == "ReLU" ? "relu" : Name.ToLowerInvariant();

    public override Inferred Infer(Shape input, LayerContext context) => Inferred.Ok(input);

    public override LayerCode Code(Shape input, LayerContext context) => new(Names.Modules + "." + Name, Names.Nn + "." + Name + "()", Name);
}
