using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Emitting;

/// <summary>Writes the generated half of a generator or discriminator class from a checked model.</summary>
internal static class ModuleEmitter
{
    private const int CommentColumn = 64;
    private const int FieldCommentColumn = 84;

    public static string HintName(ModelSpec spec) => Names.HintName(spec.FullName);

    public static string Emit(ModelAnalysis analysis)
    {
        var spec = analysis.Spec;
        var output = analysis.Output!;
        bool isGenerator = spec.Role == ModelRole.Generator;
        var w = new CodeWriter();
        FileHeader.Write(w, $"the attributes on {spec.ClassName}");
        bool hasNamespace = spec.Namespace.Length > 0;
        if (hasNamespace) w.Open($"namespace {spec.Namespace}");

        w.Line($"/// <summary>{(isGenerator ? "Generator" : "Discriminator")}: {analysis.Input} -> {output}, {Count(analysis.TotalParameters)} parameters.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open($"partial class {Names.Identifier(spec.ClassName)} : {Names.ModuleBase}, {(isGenerator ? Names.GeneratorInterface : Names.DiscriminatorInterface)}");

        if (isGenerator)
        {
            w.Line("/// <summary>Size of the latent noise vector.</summary>");
            w.Line($"public static int LatentDim => {analysis.Input[0]};");
            w.Line();
        }
        w.Line($"/// <summary>Input of one sample: {analysis.Input}.</summary>");
        w.Line($"public static {Names.TensorShape} InputShape {{ get; }} = new({Dims(analysis.Input)});");
        w.Line();
        w.Line($"/// <summary>Output of one sample: {output}.</summary>");
        w.Line($"public static {Names.TensorShape} OutputShape {{ get; }} = new({Dims(output)});");
        w.Line();
        w.Line("/// <summary>Number of trainable parameters.</summary>");
        w.Line($"public static long ParameterCount => {analysis.TotalParameters};");
        w.Line();

        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var result = analysis.Layers[i];
            w.Line($"private readonly {LayerEmitter.FieldType(layer, result)} {LayerEmitter.FieldName(layer, i)};", $"{layer.Display} -> {result.Output}", FieldCommentColumn);
        }
        w.Line();

        w.Open($"public {Names.Identifier(spec.ClassName)}() : base(nameof({Names.Identifier(spec.ClassName)}))");
        for (int i = 0; i < spec.Layers.Count; i++)
            w.Line($"{LayerEmitter.FieldName(spec.Layers[i], i)} = {LayerEmitter.Construct(spec.Layers[i], analysis.Layers[i])};");
        w.Line("RegisterComponents();");
        w.Close();
        w.Line();

        w.Line("/// <summary>Runs the layers in order. Intermediate tensors belong to the caller's dispose scope.</summary>");
        w.Open($"public override {Names.Tensor} forward({Names.Tensor} input)");
        w.Line($"// input {analysis.Input}");
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            string source = i == 0 ? "input" : "x" + (i - 1).ToString(CultureInfo.InvariantCulture);
            string call = $"{LayerEmitter.FieldName(spec.Layers[i], i)}.call({source})";
            string code = i == spec.Layers.Count - 1 ? $"return {call};" : $"var x{i} = {call};";
            w.Line(code, analysis.Layers[i].Output.ToString(), CommentColumn);
        }
        w.Close();
        w.Line();

        w.Line("/// <summary>A Keras-style table of the layers, their output shapes and parameter counts.</summary>");
        w.Line("public static string Summary() => SummaryTable;");
        w.Line();
        w.Line("private const string SummaryTable =");
        var rows = SummaryRows(analysis);
        for (int i = 0; i < rows.Length; i++)
            w.Line("    \"" + rows[i] + "\\n\"" + (i == rows.Length - 1 ? ";" : " +"));

        w.Close();
        if (hasNamespace) w.Close();
        return w.ToString();
    }

    private static string[] SummaryRows(ModelAnalysis analysis)
    {
        var spec = analysis.Spec;
        const int nameWidth = 34, shapeWidth = 22;
        string Row(string a, string b, string c) => a.PadRight(nameWidth) + b.PadRight(shapeWidth) + c.PadLeft(12);
        string rule = new string('=', nameWidth + shapeWidth + 12);
        var rows = new System.Collections.Generic.List<string>
        {
            $"Model: {spec.ClassName}",
            Row("Layer (type)", "Output Shape", "Param #"),
            rule,
            Row("input", analysis.Input.ToString(), "0"),
        };
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var result = analysis.Layers[i];
            rows.Add(Row($"{LayerEmitter.FieldName(layer, i)} ({LayerEmitter.SummaryType(layer, result)})", result.Output.ToString(), Count(result.Parameters)));
        }
        rows.Add(rule);
        rows.Add($"Total params: {Count(analysis.TotalParameters)}");
        return rows.ToArray();
    }

    private static string Dims(Shape shape) => string.Join(", ", shape.Dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    internal static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
