using GanDsl.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Tests.Layers;

/// <summary>A hand-written conditional network of the shape the generator will emit for issue #9: a
/// <c>Module&lt;Tensor, Tensor, Tensor&gt;</c> (input, labels) whose layers are fields registered by
/// RegisterComponents. A small SNGAN-style projection critic on (1, 6, 6) images and 3 classes.</summary>
internal sealed class TinyConditionalCritic : nn.Module<Tensor, Tensor, Tensor>
{
    public const long Classes = 3;

    // classes * 2 + (4 * 3 * 3 * 3 + 4) + (4 + 1) + classes * 4
    public const long ParameterCount = Classes * 2 + (4 * 3 * 3 * 3 + 4) + (4 + 1) + Classes * 4;

    private readonly ConcatLabel label0;            // ConcatLabel(2)                      -> (3, 6, 6)
    private readonly SpectralNormConv2d conv1;      // Conv2d(4, Kernel = 3, Stride = 2, Padding = 1, SpectralNorm) -> (4, 3, 3)
    private readonly LeakyReLU leakyRelu2;          // LeakyReLU(0.2)                      -> (4, 3, 3)
    private readonly Dropout dropout3;              // Dropout(0.5)                        -> (4, 3, 3)
    private readonly GlobalSumPool pool4;           // GlobalSumPool                       -> (4)
    private readonly ProjectLabel project5;         // ProjectLabel(SpectralNorm)          -> (1)

    public TinyConditionalCritic() : base(nameof(TinyConditionalCritic))
    {
        label0 = new ConcatLabel(Classes, 2);
        conv1 = new SpectralNormConv2d(in_channels: 3, out_channels: 4, kernel_size: 3, stride: 2, padding: 1, bias: true);
        leakyRelu2 = nn.LeakyReLU(negative_slope: 0.2);
        dropout3 = nn.Dropout(p: 0.5);
        pool4 = new GlobalSumPool();
        project5 = new ProjectLabel(Classes, features: 4, spectralNorm: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor labels)
    {
        // input (1, 6, 6)
        var x0 = label0.call(input, labels);    // (3, 6, 6)
        var x1 = conv1.call(x0);                // (4, 3, 3)
        var x2 = leakyRelu2.call(x1);           // (4, 3, 3)
        var x3 = dropout3.call(x2);             // (4, 3, 3)
        var x4 = pool4.call(x3);                // (4)
        return project5.call(x4, labels);       // (1)
    }
}
