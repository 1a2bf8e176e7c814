using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Graph;

/// <summary>
/// Ops in source order -> <see cref="ValueGraph"/>: resolves value names (local to the class or block; "input" is the
/// input), expands [Block] repeats, and checks what needs no shape: arguments (GAN006), names (GAN013, GAN014), label
/// layers (GAN015) and where ProjectLabel may stand (GAN017). Pure.
/// </summary>
internal static class GraphBuilder
{
    public const string InputName = "input";

    public static ValueGraph Build(NetworkSpec spec)
    {
        var ops = spec.Ops;
        var nodes = new List<Node>();
        var problems = new List<Problem>();
        var names = new Dictionary<string, (int Value, int Attribute)>(System.StringComparer.Ordinal) { [InputName] = (Value.Input, -1) };
        var tapsAt = new Dictionary<string, int>(System.StringComparer.Ordinal); // every tap's first attribute, for "used before"
        for (int i = 0; i < ops.Count; i++)
            if (ops[i] is Tap { Name: { } tapped } && !tapsAt.ContainsKey(tapped)) tapsAt[tapped] = i;
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        int current = Value.Input;

        Problem At(int i, ProblemCode code, string message, ProblemSeverity severity = ProblemSeverity.Error) => new(code, severity, i, message);

        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            bool invalid = false;
            foreach (var bad in op.Validate())
            {
                problems.Add(new Problem(ProblemCode.InvalidArgument, ProblemSeverity.Error, i, op.Display + ": " + bad.What, bad.Fix));
                invalid = true;
            }

            switch (op)
            {
                case Tap tap:
                    if (!invalid && names.TryGetValue(tap.Name, out var earlier))
                        problems.Add(At(i, ProblemCode.UnknownName, earlier.Attribute < 0
                            ? Invariant($"{op.Display}: \"{InputName}\" always names {spec.ClassName}'s input; choose another name")
                            : Invariant($"{op.Display}: \"{tap.Name}\" already names the output of {Describe(ops, earlier.Attribute)}; give this value another name")));
                    else if (!invalid) names[tap.Name] = (current, i);
                    nodes.Add(new Node(nodes.Count, op, i, 0, current, Value.None, invalid));
                    break;

                case MergeOp merge:
                {
                    int named = Value.Unknown;
                    if (!invalid)
                    {
                        used.Add(merge.Name);
                        if (names.TryGetValue(merge.Name, out var value)) named = value.Value;
                        else problems.Add(At(i, ProblemCode.UnknownName, tapsAt.ContainsKey(merge.Name)
                            ? Invariant($"{op.Display} reads \"{merge.Name}\" before [Tap(\"{merge.Name}\")] names it; a value can be read only after its Tap, so move the Tap up or the {merge.GetType().Name} down")
                            : Invariant($"{op.Display} reads \"{merge.Name}\", which nothing in {spec.ClassName} names; add [Tap(\"{merge.Name}\")] after the layer whose output it is (names so far: {string.Join(", ", names.Keys.Select(n => "\"" + n + "\""))})")));
                    }
                    nodes.Add(new Node(nodes.Count, op, i, 0, current, named, invalid));
                    current = nodes.Count - 1;
                    break;
                }

                case Block block:
                    for (int copy = 0; copy < block.Copies; copy++)
                    {
                        nodes.Add(new Node(nodes.Count, op, i, copy, current, Value.None, invalid));
                        current = nodes.Count - 1;
                    }
                    break;

                default:
                    if (op is LayerOp { ReadsLabels: true })
                    {
                        if (spec.Role == NetworkRole.Block)
                            problems.Add(At(i, ProblemCode.LabelWithoutClasses,
                                Invariant($"{op.Display} is in block {spec.ClassName}, which has no labels (a block has one input); put label layers in the network that uses the block")));
                        else if (!spec.IsConditional)
                            problems.Add(At(i, ProblemCode.LabelWithoutClasses,
                                Invariant($"{op.Display} needs class labels, but {spec.ClassName} declares no Classes; set Classes on [{RoleName(spec.Role)}] (e.g. Classes = 10)")));
                        if (op is ProjectLabel && spec.Role == NetworkRole.Generator)
                            problems.Add(At(i, ProblemCode.ProjectLabelPlacement,
                                Invariant($"{op.Display} is a discriminator's output layer, but {spec.ClassName} is a generator; condition a generator with [ConcatLabel(dim)] or [ConditionalBatchNorm]")));
                        else if (op is ProjectLabel && spec.Role == NetworkRole.Discriminator && i != ops.Count - 1)
                            problems.Add(At(i, ProblemCode.ProjectLabelPlacement,
                                Invariant($"{op.Display} gives the discriminator's logit, so it must be its last layer, but {ops.Count - 1 - i} attribute(s) follow it")));
                    }
                    nodes.Add(new Node(nodes.Count, op, i, 0, current, Value.None, invalid));
                    current = nodes.Count - 1;
                    break;
            }
        }

        foreach (var pair in names.OrderBy(p => p.Value.Attribute))
            if (pair.Value.Attribute >= 0 && !used.Contains(pair.Key))
                problems.Add(At(pair.Value.Attribute, ProblemCode.UnusedTap,
                    Invariant($"{ops[pair.Value.Attribute].Display} names a value that nothing in {spec.ClassName} reads; use it with [Concat(\"{pair.Key}\")] or [Add(\"{pair.Key}\")], or remove it"),
                    ProblemSeverity.Warning));

        if (spec.IsConditional && spec.Role != NetworkRole.Block && !ops.Any(o => o is LayerOp { ReadsLabels: true }))
            problems.Add(new Problem(ProblemCode.UnusedClasses, ProblemSeverity.Warning, ProblemTarget.ModelAttribute,
                Invariant($"{spec.ClassName} declares Classes = {spec.Classes} but no layer reads the labels, so they would be ignored; add [ConcatLabel(dim)]{(spec.Role == NetworkRole.Discriminator ? " or end with [ProjectLabel]" : " or [ConditionalBatchNorm]")}, or remove Classes")));

        return new ValueGraph(nodes, current, problems);
    }

    /// <summary>"Conv2d(32, Kernel = 4)": where a tapped value comes from, in a message.</summary>
    private static string Describe(EquatableArray<Op> ops, int attribute)
    {
        for (int i = attribute - 1; i >= 0; i--)
            if (ops[i] is not Tap) return ops[i].Display;
        return "the input";
    }

    public static string RoleName(NetworkRole role) => role switch
    {
        NetworkRole.Generator => "GanGenerator",
        NetworkRole.Discriminator => "GanDiscriminator",
        _ => "GanBlock",
    };
}
