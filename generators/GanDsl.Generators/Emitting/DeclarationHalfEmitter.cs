using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Emitting;

/// <summary>
/// The declaration half of a model with errors. Without it, user code that names the model (GanModel&lt;G, D&gt;, an
/// override of forward, new Pair()) fails to compile, and a compiler error stops `dotnet build` before analyzers run:
/// the user would see CS0311 and never the GANxxx that explains it. So the class still gets its base type, interface
/// and the members users call. What the user declared is written as declared (LatentDim, the input shape, [Gan]
/// options, when valid); what the broken layers would decide, constructing, running and loading throw an
/// InvalidOperationException that names the class and its GanDsl errors. Members the user's half declares are left out.
/// Only for a class that can take it without a compiler error of its own (<see cref="NetworkSpec.Declarable"/>).
/// </summary>
internal static class DeclarationHalfEmitter
{
    /// <summary>How a declaration half's header begins; tests and tools/GanDsl.IdeCheck recognise one by it.</summary>
    public const string Marker = "// Declaration only:";

    /// <summary>The file-local class whose members throw, named so it cannot meet a user's type in this file.</summary>
    private const string Thrower = "GanDslDeclarationOnly";

    private const string Unknown = " => throw " + Thrower + ".Error();";

    public static string Emit(NetworkAnalysis analysis)
    {
        var spec = analysis.Spec;
        string name = Names.Identifier(spec.ClassName);
        var input = analysis.KnownInput;
        var omit = new HashSet<string>(spec.UserMembers);
        string errors = ErrorList((spec.ClassName, analysis.Problems));

        var w = Begin(spec.ClassName, spec.Namespace, errors);
        w.Line($"/// <summary>{NetworkKind.Title(spec)} {spec.ClassName}, declaration only: GanDsl reported {errors}.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open($"partial class {name} : {NetworkKind.BaseType(spec)}, {NetworkKind.Interfaces(spec)}");

        var members = new MemberWriter(w, omit);
        if (spec.IsNoiseGenerator)
            members.Add("LatentDim", "Size of the latent noise vector.",
                input is null ? "public static int LatentDim" + Unknown : Invariant($"public static int LatentDim => {input[0]};"));
        if (spec.IsConditional)
            members.Add("Classes", "Number of classes of the labels.",
                spec.Classes <= int.MaxValue && !spec.HasMalformedAttributes ? Invariant($"public static int Classes => {spec.Classes};") : "public static int Classes" + Unknown);
        members.Add("InputShape", input is null ? "Input of one sample: unknown, its declaration has errors." : $"Input of one sample: {input}.",
            input is null ? $"public static {Names.TensorShape} InputShape" + Unknown
                : $"public static {Names.TensorShape} InputShape {{ get; }} = new({Suggestions.Arguments(input.Dims)});");
        members.Add("OutputShape", "Output of one sample: unknown while the model has errors.", $"public static {Names.TensorShape} OutputShape" + Unknown);
        members.Add("ParameterCount", "Number of trainable parameters: unknown while the model has errors.", "public static long ParameterCount" + Unknown);
        members.Add("Summary", "The layer table: unknown while the model has errors.", "public static string Summary()" + Unknown);
        members.Add("Graph", "The network's graph: unknown while the model has errors.", $"public static {Names.NetworkGraph} Graph" + Unknown);
        members.Add(spec.ClassName + "()", "Throws: the model has errors (before the TorchSharp module is created).",
            $"public {name}() : base({Thrower}.Fail<string>()) {{ }}");
        members.Add("forward", "Throws: the model has errors.", $"public override {Names.Tensor} forward({NetworkKind.ForwardParameters(spec)})" + Unknown);
        w.Close();

        return End(w, spec.ClassName, spec.Namespace, errors);
    }

    public static string Emit(GanSpec spec, NetworkAnalysis generator, NetworkAnalysis discriminator, IEnumerable<Problem> pairProblems)
    {
        var o = spec.Options;
        string name = Names.Identifier(spec.ClassName);
        var omit = new HashSet<string>(spec.UserMembers);
        string errors = ErrorList((spec.ClassName, pairProblems), (generator.Spec.ClassName, generator.Problems), (discriminator.Spec.ClassName, discriminator.Problems));
        var latent = generator.Spec.IsNoiseGenerator ? generator.KnownInput : null;
        var image = generator.HasErrors ? null : generator.Output;
        // GanModel trains noise-to-image pairs, both unconditional or both conditional; for the others (GAN020, a
        // mixed GAN018) the half has no base class, so it compiles and names the pair's options without claiming to train it.
        bool trainable = Shapes.PairChecker.FitsGanModel(generator.Spec, discriminator.Spec);

        var w = Begin(spec.ClassName, spec.Namespace, errors);
        w.Line($"/// <summary>[Gan] {spec.ClassName} of {generator.Spec.ClassName} and {discriminator.Spec.ClassName}, declaration only: GanDsl reported {errors}.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open(trainable ? $"partial class {name} : {Names.GanModelBase}<{spec.GeneratorTypeName}, {spec.DiscriminatorTypeName}>" : $"partial class {name}");

        var members = new MemberWriter(w, omit);
        members.Add("LatentDim", null, latent is null ? "public static int LatentDim" + Unknown : Invariant($"public const int LatentDim = {latent[0]};"));
        foreach (var (option, type, literal) in GanOptionConstants.Of(o))
            members.Add(option, null, literal is null ? $"public static {type} {option}" + Unknown : $"public const {type} {option} = {literal};");
        members.Add("ImageShape", image is null ? "Shape of one image: unknown while the generator has errors." : $"Shape of one image: {image}.",
            image is null ? $"public static {Names.TensorShape} ImageShape" + Unknown
                : $"public static {Names.TensorShape} ImageShape {{ get; }} = new({Suggestions.Arguments(image.Dims)});");
        members.Add("Declaration", "Throws: the pairing has errors.", $"public static {Names.GanDefinition} Declaration" + Unknown);
        members.Add(spec.ClassName + "()", "Throws: the pairing has errors (before any network is created).",
            trainable
                ? $"public {name}({Names.GanOptions}? options = null) : base({Thrower}.Fail<{Names.GanDefinition}>(), options, null!, null!) {{ }}"
                : $"public {name}({Names.GanOptions}? options = null) => throw {Thrower}.Error();");
        members.Add("Load", "Throws: the pairing has errors.", $"public static {name} Load(string path, {Names.GanOptions}? options = null)" + Unknown);
        w.Close();

        return End(w, spec.ClassName, spec.Namespace, errors);
    }

    /// <summary>"GAN006 on D, GAN001 on Pair": each class's error IDs, in order; compiler errors in the attributes
    /// (which GanDsl leaves to the compiler) when a class has none of its own.</summary>
    private static string ErrorList(params (string Class, IEnumerable<Problem> Problems)[] classes)
    {
        var parts = new List<string>();
        foreach (var (cls, problems) in classes)
            foreach (var id in problems.Where(p => p.IsError).Select(p => p.Id).Distinct().OrderBy(i => i, System.StringComparer.Ordinal))
                parts.Add(id + " on " + cls);
        return parts.Count > 0 ? string.Join(", ", parts) : "compiler errors in its GanDsl attributes";
    }

    private static CodeWriter Begin(string className, string ns, string errors)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, $"the attributes on {className}", $"{Marker} GanDsl could not build {className} ({errors}); code that names it compiles, using it throws.");
        if (ns.Length > 0) w.Open($"namespace {ns}");
        return w;
    }

    private static string End(CodeWriter w, string className, string ns, string errors)
    {
        w.Line();
        w.Line("/// <summary>Why the members above throw.</summary>");
        w.Line(Names.GeneratedCode);
        w.Open($"file static class {Thrower}");
        w.Line($"public const string Message = \"GanDsl could not build {className}: {errors}. Only its declaration was generated; fix the errors the build reports.\";");
        w.Line();
        w.Line("public static global::System.InvalidOperationException Error() => new(Message);");
        w.Line();
        w.Line("/// <summary>Throws; as a base constructor argument, before the base class does any work.</summary>");
        w.Line("public static T Fail<T>() => throw Error();");
        w.Close();
        if (ns.Length > 0) w.Close();
        return w.ToString();
    }

    /// <summary>Writes members one after another, leaving out those the user declared; a blank line before each
    /// documented member, none between undocumented ones (the [Gan] options, as in the full half).</summary>
    private sealed class MemberWriter
    {
        private readonly CodeWriter _w;
        private readonly HashSet<string> _omit;
        private bool _first = true, _previousDocumented;

        public MemberWriter(CodeWriter w, HashSet<string> omit) => (_w, _omit) = (w, omit);

        public void Add(string name, string? summary, string code)
        {
            if (_omit.Contains(name)) return;
            if (!_first && (summary is not null || _previousDocumented)) _w.Line();
            _first = false;
            _previousDocumented = summary is not null;
            if (summary is not null) _w.Line($"/// <summary>{summary}</summary>");
            _w.Line(code);
        }
    }
}
