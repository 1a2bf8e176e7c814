namespace GanDsl.Generators.Model;

/// <summary>The layer catalogue. The names match the attribute names without the "Attribute" suffix.</summary>
internal enum LayerKind
{
    Dense,
    Conv2d,
    ConvTranspose2d,
    BatchNorm,
    LeakyReLU,
    ReLU,
    Tanh,
    Sigmoid,
    Dropout,
    Reshape,
    Flatten,
    Upsample,
    ZeroPad2d,
}
