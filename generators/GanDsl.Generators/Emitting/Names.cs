namespace GanDsl.Generators.Emitting;

/// <summary>Fully qualified names used in generated code, so user usings and type names never clash.</summary>
internal static class Names
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Nn = "global::TorchSharp.torch.nn";
    public const string Modules = "global::TorchSharp.Modules";
    public const string ModuleBase = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
    public const string TensorShape = "global::GanDsl.TensorShape";
    public const string GeneratorInterface = "global::GanDsl.IGanGenerator";
    public const string DiscriminatorInterface = "global::GanDsl.IGanDiscriminator";
    public const string GanModelBase = "global::GanDsl.GanModel";
    public const string GanDefinition = "global::GanDsl.GanDefinition";
    public const string GanOptions = "global::GanDsl.GanOptions";
    public const string GanLoss = "global::GanDsl.GanLoss";
    public const string Reshape = "global::GanDsl.Layers.Reshape";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"GanDsl.Generators\", \"0.1.0\")]";
}
