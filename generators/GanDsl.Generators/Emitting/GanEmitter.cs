using System.Globalization;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Emitting;

/// <summary>Writes the generated half of a [Gan] class: the typed pairing of both networks with its options as constants.</summary>
internal static class GanEmitter
{
    public static string HintName(GanSpec spec) => Names.HintName(spec.FullName);

    public static string Emit(GanSpec spec, NetworkAnalysis generator, NetworkAnalysis discriminator)
    {
        var o = spec.Options;
        var w = new CodeWriter();
        FileHeader.Write(w, $"the [Gan] attribute on {spec.ClassName}");
        bool hasNamespace = spec.Namespace.Length > 0;
        if (hasNamespace) w.Open($"namespace {spec.Namespace}");

        string g = spec.GeneratorTypeName, d = spec.DiscriminatorTypeName;
        w.Line($"/// <summary>{generator.Spec.ClassName} {generator.Input} -> {generator.Output} paired with {discriminator.Spec.ClassName} {discriminator.Input} -> {discriminator.Output}.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open($"partial class {Names.Identifier(spec.ClassName)} : {Names.GanModelBase}<{g}, {d}>");
        w.Line($"public const int LatentDim = {generator.Input[0]};");
        w.Line("// Training options: each value the [Gan] sets, else the published recipe of its loss (0: off).");
        foreach (var (name, type, literal) in GanOptionConstants.Of(o))
            w.Line($"public const {type} {name} = {literal};");
        w.Line();
        w.Line($"/// <summary>Shape of one image: {generator.Output}.</summary>");
        w.Line($"public static {Names.TensorShape} ImageShape {{ get; }} = new({string.Join(", ", generator.Output!.Dims.Select(x => x.ToString(CultureInfo.InvariantCulture)))});");
        w.Line();
        w.Line($"/// <summary>The declaration above as one value (also available as the instance's Definition).</summary>");
        w.Line($"public static {Names.GanDefinition} Declaration {{ get; }} =");
        w.Line($"    new(nameof({Names.Identifier(spec.ClassName)}), LatentDim, ImageShape, Loss, LearningRate, Beta1, Beta2, DcganInit)");
        w.Line("    {");
        foreach (var property in GanOptionConstants.InitProperties)
            w.Line($"        {property} = {Names.Identifier(spec.ClassName)}.{property},");
        if (generator.Spec.IsConditional)
            w.Line($"        Classes = {g}.Classes, // conditional: trains on (image, label) pairs");
        w.Line("    };");
        w.Line();
        w.Line($"/// <summary>Creates both networks (seeded by <paramref name=\"options\"/>) and their optimizers.</summary>");
        w.Line($"public {Names.Identifier(spec.ClassName)}({Names.GanOptions}? options = null)");
        w.Line($"    : base(Declaration, options, static () => new {g}(), static () => new {d}())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Restores a model saved with Save or a run folder's checkpoint.</summary>");
        w.Open($"public static {Names.Identifier(spec.ClassName)} Load(string path, {Names.GanOptions}? options = null)");
        w.Line($"var gan = new {Names.Identifier(spec.ClassName)}(options);");
        w.Line("gan.LoadCheckpoint(path);");
        w.Line("return gan;");
        w.Close();

        w.Close();
        if (hasNamespace) w.Close();
        return w.ToString();
    }
}
