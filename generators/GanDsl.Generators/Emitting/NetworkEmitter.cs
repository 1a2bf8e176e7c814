using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Emitting;

/// <summary>Writes the generated half of a generator or discriminator class from a checked network: shapes and counts
/// as static members, a field per layer, forward with a line per node, the summary table, the graph description, and a
/// nested module class per block instance.</summary>
internal static class NetworkEmitter
{
    public static string HintName(NetworkSpec spec) => Names.HintName(spec.FullName);

    public static string Emit(NetworkAnalysis analysis)
    {
        var spec = analysis.Spec;
        var output = analysis.Output!;
        var blocks = new BlockClasses();
        var body = new BodyEmitter(analysis.Graph, analysis.Shapes!, spec.Classes, blocks);
        string name = Names.Identifier(spec.ClassName);
        var w = new CodeWriter();
        FileHeader.Write(w, $"the attributes on {spec.ClassName}");
        bool hasNamespace = spec.Namespace.Length > 0;
        if (hasNamespace) w.Open($"namespace {spec.Namespace}");

        string labels = spec.IsConditional ? Invariant($" and a label of {spec.Classes} classes") : "";
        w.Line($"/// <summary>{NetworkKind.Title(spec)}: {analysis.Input}{labels} -> {output}, {Count(analysis.TotalParameters)} parameters.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open($"partial class {name} : {NetworkKind.BaseType(spec)}, {NetworkKind.Interfaces(spec)}");

        if (spec.IsNoiseGenerator)
        {
            w.Line("/// <summary>Size of the latent noise vector.</summary>");
            w.Line($"public static int LatentDim => {analysis.Input[0]};");
            w.Line();
        }
        if (spec.IsConditional)
        {
            w.Line("/// <summary>Number of classes; forward's labels are int64 class indices in [0, Classes).</summary>");
            w.Line(Invariant($"public static int Classes => {spec.Classes};"));
            w.Line();
        }
        w.Line($"/// <summary>Input of one sample: {analysis.Input}.</summary>");
        w.Line($"public static {Names.TensorShape} InputShape {{ get; }} = new({OpText.Join(analysis.Input.Dims)});");
        w.Line();
        w.Line($"/// <summary>Output of one sample: {output}.</summary>");
        w.Line($"public static {Names.TensorShape} OutputShape {{ get; }} = new({OpText.Join(output.Dims)});");
        w.Line();
        w.Line("/// <summary>Number of trainable parameters.</summary>");
        w.Line(Invariant($"public static long ParameterCount => {analysis.TotalParameters};"));
        w.Line();

        body.Fields(w);
        w.Line();
        w.Open($"public {name}() : base(nameof({name}))");
        body.Constructor(w);
        w.Close();
        w.Line();

        w.Line("/// <summary>Runs the layers in order. Intermediate tensors belong to the caller's dispose scope.</summary>");
        w.Open($"public override {Names.Tensor} forward({NetworkKind.ForwardParameters(spec)})");
        body.Forward(w, spec.IsConditional ? Invariant($"// input {analysis.Input}, labels (B) of {spec.Classes} classes") : $"// input {analysis.Input}");
        w.Close();
        w.Line();

        w.Line("/// <summary>A Keras-style table of the layers, their output shapes and parameter counts.</summary>");
        w.Line("public static string Summary() => SummaryTable;");
        w.Line();
        w.Line("private const string SummaryTable =");
        var rows = SummaryRows(analysis, body);
        for (int i = 0; i < rows.Length; i++)
            w.Line("    \"" + rows[i] + "\\n\"" + (i == rows.Length - 1 ? ";" : " +"));
        w.Line();

        w.Line("/// <summary>The network as a graph (inputs; nodes with their op, inputs, output shape and parameters), for tools that read networks.</summary>");
        WriteGraph(w, spec.ClassName, analysis.Input, spec.Classes, body);

        for (int i = 0; i < blocks.All.Count; i++) // grows while blocks are written: a block's own blocks come after it
            WriteBlock(w, blocks.All[i].Name, blocks.All[i].Instance, blocks);

        w.Close();
        if (hasNamespace) w.Close();
        return w.ToString();
    }

    /// <summary>The Graph property, read on first use from a string constant in NetworkGraphText's format, not built by
    /// constructor calls: an editor's compiler binds every generated expression again after each keystroke, and a
    /// constant string costs it nothing to bind (the benchmarks' ide-latency profile measured both).</summary>
    private static void WriteGraph(CodeWriter w, string name, Shape input, long classes, BodyEmitter body)
    {
        var nodes = body.GraphNodes().ToList();
        var blocks = new List<string>();
        foreach (var node in nodes)
            if (node.Block is { } block && !blocks.Contains(block)) blocks.Add(block);
        string arguments = string.Concat(blocks.Select(b => $", {b}.Graph"));
        w.Line($"public static {Names.NetworkGraph} Graph {{ get; }} = {Names.NetworkGraphText}.Parse(GraphText{arguments});");
        w.Line();
        w.Line("// graph | name | classes; input | name | shape; node | name | op | inputs | output shape | parameters [| block i of Parse's]");
        w.Line("private const string GraphText =");
        var lines = new List<string>
        {
            Invariant($"graph | {Escape(name)} | {classes}"),
            $"input | input | {input}",
        };
        if (classes > 0) lines.Add("input | labels | ()");
        foreach (var node in nodes)
        {
            string block = node.Block is { } b ? Invariant($" | block {blocks.IndexOf(b)}") : "";
            lines.Add(Invariant($"node | {Escape(node.Name)} | {Escape(node.Op)} | {string.Join(", ", node.Inputs.Select(Escape))} | {node.Output} | {node.Parameters}{block}"));
        }
        for (int i = 0; i < lines.Count; i++)
            w.Line("    " + Names.StringLiteral(lines[i] + "\n") + (i == lines.Count - 1 ? ";" : " +"));
    }

    /// <summary>A field of the graph text: NetworkGraphText's escapes for '\\', '|' and line breaks.</summary>
    private static string Escape(string field) => field.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");

    private static void WriteBlock(CodeWriter w, string className, BlockInstance instance, BlockClasses blocks)
    {
        var shapes = instance.Shapes;
        var body = new BodyEmitter(instance.Definition.Graph, shapes, 0, blocks);
        w.Line();
        w.Line($"/// <summary>Block {instance.Name} on input {instance.Input}: -> {shapes.Output}, {Count(shapes.Parameters)} parameters.</summary>");
        w.Open($"private sealed class {className} : {Names.ModuleBase}");
        w.Line("/// <summary>The block's layers as a graph (a node of the network's graph refers to it).</summary>");
        WriteGraph(w, instance.Name, instance.Input, 0, body);
        w.Line();
        body.Fields(w);
        w.Line();
        w.Open($"public {className}() : base({Names.StringLiteral(instance.Name)})");
        body.Constructor(w);
        w.Close();
        w.Line();
        w.Open($"public override {Names.Tensor} forward({Names.Tensor} input)");
        body.Forward(w, $"// input {instance.Input}");
        w.Close();
        w.Close();
    }

    private static string[] SummaryRows(NetworkAnalysis analysis, BodyEmitter body)
    {
        var spec = analysis.Spec;
        const int nameWidth = 34, shapeWidth = 22;
        string Row(string a, string b, string c) => a.PadRight(nameWidth) + b.PadRight(shapeWidth) + c.PadLeft(12);
        string rule = new string('=', nameWidth + shapeWidth + 12);
        var rows = new List<string>
        {
            $"Model: {spec.ClassName}",
            Row("Layer (type)", "Output Shape", "Param #"),
            rule,
            Row("input", analysis.Input.ToString(), "0"),
        };
        if (spec.IsConditional) rows.Add(Row("labels", Invariant($"{spec.Classes} classes"), "0"));
        foreach (var (name, shape, parameters) in body.SummaryRows())
            rows.Add(Row(name.Replace("\"", "\\\""), shape, Count(parameters)));
        rows.Add(rule);
        rows.Add($"Total params: {Count(analysis.TotalParameters)}");
        return rows.ToArray();
    }

    internal static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
