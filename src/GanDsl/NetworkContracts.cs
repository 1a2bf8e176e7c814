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
