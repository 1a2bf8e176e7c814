using System.Collections.Generic;
using System.Linq;
using GanDsl.Examples.Models;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

public class DcganInitTests
{
    private static IEnumerable<(string Name, nn.Module Module)> Layers(nn.Module network) =>
        network.named_modules().Select(m => (m.name, m.module)).Where(m => m.module is Conv2d or ConvTranspose2d or Linear or BatchNorm1d or BatchNorm2d);

    private static (double Mean, double Std) Stats(Tensor t) => (t.mean().item<float>(), t.std().item<float>());

    [Fact]
    public void Every_conv_transposed_conv_dense_and_batchnorm_is_initialised_as_in_the_dcgan_paper()
    {
        using var gan = new FashionDcgan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        var kinds = new HashSet<string>();
        foreach (var network in new nn.Module[] { gan.Generator, gan.Discriminator })
            foreach (var (name, module) in Layers(network))
            {
                kinds.Add(module.GetType().Name);
                var weight = module.named_parameters().Single(p => p.name == "weight").parameter;
                var (mean, std) = Stats(weight);
                double expectedMean = module is BatchNorm1d or BatchNorm2d ? 1.0 : 0.0;
                // Sampling error of n draws from N(m, 0.02): 4 standard errors of the mean and of the std.
                double n = weight.numel();
                Assert.True(System.Math.Abs(mean - expectedMean) < 4 * 0.02 / System.Math.Sqrt(n), $"{name}: weight mean {mean} over {n}");
                Assert.True(System.Math.Abs(std - 0.02) < 4 * 0.02 / System.Math.Sqrt(2 * n), $"{name}: weight std {std} over {n}");
                foreach (var (_, bias) in module.named_parameters().Where(p => p.name == "bias"))
                    Assert.Equal(0f, bias.abs().max().item<float>());
            }
        // The seed DCGAN has all five kinds, so none can be silently skipped.
        Assert.Equal(new[] { "BatchNorm1d", "BatchNorm2d", "Conv2d", "ConvTranspose2d", "Linear" }, kinds.Order());
    }

    [Fact]
    public void Without_the_option_TorchSharp_defaults_stay()
    {
        using var gan = new CifarDcgan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        var (_, name, conv) = gan.Discriminator.named_modules().Select(m => (0, m.name, m.module)).First(m => m.module is Conv2d);
        var (_, std) = Stats(((Conv2d)conv).weight!);
        Assert.False(std is > 0.017 and < 0.023, $"{name}: std {std} looks like DCGAN init");
    }
}
