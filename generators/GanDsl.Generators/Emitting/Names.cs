namespace GanDsl.Generators.Emitting;

/// <summary>Fully qualified names used in generated code, so user usings and type names never clash.</summary>
internal static class Names
{
    /// <summary>A class name as C# source: keywords need '@' (a class declared as @event has the Name "event").</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>A hint name Roslyn accepts for a type's full name: AddSource throws on characters such as '@' (from
    /// keyword namespaces like Models.@event) or non-ASCII letters, and an exception there loses every file of the run.
    /// Replaced characters are paid for with a hash of the original so two names cannot meet.</summary>
    public static string HintName(string fullName)
    {
        var text = new System.Text.StringBuilder(fullName.Length);
        bool replaced = false;
        foreach (char c in fullName)
        {
            bool ok = c < 128 && (char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            text.Append(ok ? c : '_');
            replaced |= !ok;
        }
        if (replaced)
        {
            uint hash = 2166136261;
            foreach (char c in fullName) hash = unchecked((hash ^ c) * 16777619);
            text.Append('_').Append(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.Append(".g.cs").ToString();
    }

    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Torch = "global::TorchSharp.torch";
    public const string Nn = "global::TorchSharp.torch.nn";
    public const string Modules = "global::TorchSharp.Modules";
    public const string ModuleBase = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
    public const string ConditionalModuleBase = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
    public const string TensorShape = "global::GanDsl.TensorShape";
    public const string GeneratorInterface = "global::GanDsl.IGanGenerator";
    public const string DiscriminatorInterface = "global::GanDsl.IGanDiscriminator";
    public const string ConditionalGeneratorInterface = "global::GanDsl.IConditionalGanGenerator";
    public const string ConditionalDiscriminatorInterface = "global::GanDsl.IConditionalGanDiscriminator";
    public const string ConditionalNetworkInterface = "global::GanDsl.IConditionalNetwork";
    public const string ImageToImageInterface = "global::GanDsl.IImageToImageGenerator";
    public const string NetworkGraph = "global::GanDsl.NetworkGraph";
    public const string NetworkGraphText = "global::GanDsl.NetworkGraphText";
    public const string GanModelBase = "global::GanDsl.GanModel";
    public const string GanDefinition = "global::GanDsl.GanDefinition";
    public const string GanOptions = "global::GanDsl.GanOptions";
    public const string GanLoss = "global::GanDsl.GanLoss";
    public const string Layers = "global::GanDsl.Layers";

    /// <summary>A C# string literal for any text (op displays hold quotes).</summary>
    public static string StringLiteral(string text)
    {
        var b = new System.Text.StringBuilder("\"");
        foreach (char c in text)
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when c < ' ' => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        return b.Append('"').ToString();
    }

    /// <summary>[GeneratedCode] with this generator's own version (the package's: the project sets it from GanDslVersion).</summary>
    public static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"GanDsl.Generators\", \"{GeneratorVersion()}\")]";

    private static string GeneratorVersion()
    {
        var assembly = typeof(Names).Assembly;
        var informational = System.Reflection.CustomAttributeExtensions
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        // "0.1.0", without any "+build" metadata
        return informational is { Length: > 0 } ? informational.Split('+')[0] : assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
