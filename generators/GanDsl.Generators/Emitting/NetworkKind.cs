using GanDsl.Generators.Model;

namespace GanDsl.Generators.Emitting;

/// <summary>What a network's generated half derives from and implements, by role and inputs (full and declaration halves alike).</summary>
internal static class NetworkKind
{
    public static string BaseType(NetworkSpec spec) => spec.IsConditional ? Names.ConditionalModuleBase : Names.ModuleBase;

    public static string Interfaces(NetworkSpec spec) => spec.Role switch
    {
        NetworkRole.Generator when spec.ImageInput => Names.ImageToImageInterface + (spec.IsConditional ? ", " + Names.ConditionalNetworkInterface : ""),
        NetworkRole.Generator => spec.IsConditional ? Names.ConditionalGeneratorInterface : Names.GeneratorInterface,
        _ => spec.IsConditional ? Names.ConditionalDiscriminatorInterface : Names.DiscriminatorInterface,
    };

    /// <summary>"Generator", "Conditional discriminator", "Image-to-image generator".</summary>
    public static string Title(NetworkSpec spec)
    {
        string role = spec.Role == NetworkRole.Generator ? (spec.ImageInput ? "image-to-image generator" : "generator") : "discriminator";
        string title = spec.IsConditional ? "conditional " + role : role;
        return char.ToUpperInvariant(title[0]) + title.Substring(1);
    }

    /// <summary>The forward signature's parameters.</summary>
    public static string ForwardParameters(NetworkSpec spec) =>
        spec.IsConditional ? $"{Names.Tensor} input, {Names.Tensor} labels" : $"{Names.Tensor} input";
}
