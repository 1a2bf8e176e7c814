using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// The evaluation feature space: a small CNN trained on Fashion-MNIST's 60,000 training images.
/// Three conv blocks (32, 64, 128 channels; 3x3, BatchNorm, ReLU, 2x2 max-pool) take (1, 28, 28) images in
/// [-1, 1] to (128, 4, 4); a Dense(128) + ReLU layer gives the <see cref="FeatureWidth"/> features that every
/// metric uses; Dropout and Dense(10) give the class logits. Hand-written (not a GanDsl network): it is
/// fixed, and its state_dict keys are part of the shipped weights file.
/// </summary>
public sealed class FashionClassifierNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Width of the penultimate layer, the feature space of FID, KID, precision/recall, density/coverage.</summary>
    public const int FeatureWidth = 128;

    public const int ClassCount = 10;

    /// <summary>Names this architecture in weights files, so weights of another layout are refused.</summary>
    public const string Architecture = "fashion-cnn-32-64-128-f128/v1";

    private readonly Sequential body;
    private readonly Dropout dropout;
    private readonly Linear head;

    public FashionClassifierNetwork() : base(nameof(FashionClassifierNetwork))
    {
        body = nn.Sequential(
            ("conv1", nn.Conv2d(1, 32, 3, padding: 1, bias: false)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),                                          // (32, 14, 14)
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1, bias: false)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),                                          // (64, 7, 7)
            ("conv3", nn.Conv2d(64, 128, 3, padding: 1, bias: false)), ("bn3", nn.BatchNorm2d(128)), ("relu3", nn.ReLU()),
            ("pool3", nn.MaxPool2d(2, ceil_mode: true)),                         // (128, 4, 4): ceil keeps the 7th row
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(128 * 4 * 4, FeatureWidth)), ("relu4", nn.ReLU())); // (128): the features
        dropout = nn.Dropout(0.4);
        head = nn.Linear(FeatureWidth, ClassCount);
        RegisterComponents();
    }

    /// <summary>(N, 1, 28, 28) -> (N, 128) penultimate-layer activations.</summary>
    public Tensor Features(Tensor images) => body.call(images);

    /// <summary>Class logits from features computed by <see cref="Features"/>.</summary>
    public Tensor Head(Tensor features) => head.call(dropout.call(features));

    /// <summary>(N, 1, 28, 28) -> (N, 10) class logits.</summary>
    public override Tensor forward(Tensor images) => Head(Features(images));
}
