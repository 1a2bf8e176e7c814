namespace GanDsl;

/// <summary>What every generated network knows about itself at compile time.</summary>
public interface IGanNetwork
{
    /// <summary>Shape of one input sample, without the batch dimension.</summary>
    static abstract TensorShape InputShape { get; }

    /// <summary>Shape of one output sample, without the batch dimension.</summary>
    static abstract TensorShape OutputShape { get; }

    /// <summary>Number of trainable parameters, as computed by the generator.</summary>
    static abstract long ParameterCount { get; }

    /// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>
    static abstract string Summary();

    /// <summary>The network as the generator inferred it: inputs, and nodes with their ops, inputs, output shapes and
    /// parameter counts (for tools such as export and evaluation).</summary>
    static abstract NetworkGraph Graph { get; }
}

/// <summary>A generated generator network: latent vector (LatentDim) in, image out.</summary>
public interface IGanGenerator : IGanNetwork
{
    static abstract int LatentDim { get; }
}

/// <summary>A generated discriminator network: image in, one logit per sample out.</summary>
public interface IGanDiscriminator : IGanNetwork
{
}

/// <summary>A generated class-conditional network: its forward takes (input, labels), labels int64 (B) in [0, Classes);
/// the module is a <c>Module&lt;Tensor, Tensor, Tensor&gt;</c>.</summary>
public interface IConditionalNetwork : IGanNetwork
{
    /// <summary>Number of classes the labels range over.</summary>
    static abstract int Classes { get; }
}

/// <summary>A generated class-conditional generator: forward(noise (LatentDim), labels) -> image.</summary>
public interface IConditionalGanGenerator : IConditionalNetwork
{
    static abstract int LatentDim { get; }
}

/// <summary>A generated class-conditional discriminator: forward(image, labels) -> one logit per sample.</summary>
public interface IConditionalGanDiscriminator : IConditionalNetwork
{
}

/// <summary>A generated generator that takes an image instead of noise (U-Net, ResNet translators, super-resolution):
/// <see cref="IGanNetwork.InputShape"/> is the input image's shape.</summary>
public interface IImageToImageGenerator : IGanNetwork
{
}
