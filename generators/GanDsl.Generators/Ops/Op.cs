using System.Collections.Generic;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Ops;

/// <summary>
/// One layer attribute as declared, with the attribute's defaults filled in: a value-equal record, so pipeline models
/// compare by content. Each kind is one sealed record in its own file that holds everything GanDsl knows about it: how
/// it reads in source, its argument rules, its shape rule and parameter count, and the TorchSharp code it becomes.
/// A new layer is one such file plus a line in <see cref="Parsing.OpReaders"/>.
/// </summary>
internal abstract record Op
{
    /// <summary>How the attribute reads in source, for messages, comments and summaries:
    /// "Conv2d(64, Kernel = 5, Stride = 2, Same = true)".</summary>
    public abstract string Display { get; }

    /// <summary>Names the node: the generated field of a layer is its stem and attribute index ("conv3").</summary>
    public abstract string Stem { get; }

    /// <summary>Argument problems that no shape can fix (GAN006), each "what is wrong" and an optional code-fix hint.</summary>
    public virtual IEnumerable<Invalid> Validate() => System.Array.Empty<Invalid>();
}

/// <summary>A GAN006 finding of <see cref="Op.Validate"/>; the checker prefixes the op's display.</summary>
internal sealed record Invalid(string What, string Fix = "");

/// <summary>
/// A layer: one input value (plus the labels, for <see cref="ReadsLabels"/>) in, one value out, computed by a
/// TorchSharp module held in a field of the generated class.
/// </summary>
internal abstract record LayerOp : Op
{
    /// <summary>The layer also reads the class labels (the module is a Module&lt;Tensor, Tensor, Tensor&gt;).</summary>
    public virtual bool ReadsLabels => false;

    /// <summary>The shape rule and parameter count, mirroring PyTorch's formulas.</summary>
    public abstract Inferred Infer(Shape input, LayerContext context);

    /// <summary>The module for a checked layer on <paramref name="input"/>. Named arguments throughout: TorchSharp's
    /// positional order differs from PyTorch's.</summary>
    public abstract LayerCode Code(Shape input, LayerContext context);
}

/// <summary>What a layer may need to know besides its input shape.</summary>
/// <param name="Classes">The network's classes (0: unconditional), for label layers.</param>
/// <param name="InputIsLatent">The layer reads a generator's latent vector, which changes what a wrong-rank message suggests.</param>
internal sealed record LayerContext(long Classes, bool InputIsLatent)
{
    public static readonly LayerContext Plain = new(0, false);
}

/// <summary>A layer's module: field type, constructor expression, and its type as the summary table shows it.</summary>
internal sealed record LayerCode(string FieldType, string Construct, string SummaryType);

/// <summary>Joins the current value with a named one (<see cref="Concat"/>, <see cref="Add"/>); no module, no parameters.</summary>
internal abstract record MergeOp(string Name) : Op
{
    public abstract Inferred Infer(Shape current, Shape named);

    /// <summary>The C# expression over the two values' variables.</summary>
    public abstract string Expression(string current, string named);

    /// <summary>The merge as the summary table shows it: "Concat e1".</summary>
    public string SummaryType => GetType().Name + " " + Name;

    public override IEnumerable<Invalid> Validate() => NameRule.Check(Name);
}

/// <summary>The result of a shape rule: an output shape and a parameter count, or why there is none.</summary>
internal sealed record Inferred(Shape? Output, long Parameters, Failure? Failure)
{
    public static Inferred Ok(Shape output, long parameters = 0) => new(output, parameters, null);
    public static Inferred Fail(ProblemCode code, string message, string fix = "") => new(null, 0, new Failure(code, message, fix));
    public static Inferred Fail(Failure failure) => new(null, 0, failure);
}

/// <summary>Why a shape rule has no result; the checker turns it into a <see cref="Problem"/> on the attribute.</summary>
internal sealed record Failure(ProblemCode Code, string Message, string Fix = "");
