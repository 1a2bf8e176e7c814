using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Examples.Models;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>
/// Existing [Gan] declarations keep their exact training behaviour: the weights after a few Fit steps are pinned to the
/// values this trainer produced before the objectives refactor (#10). Sums over every parameter and buffer and a few
/// single values per network; any change to the noise, the batches, the losses or the optimizers moves them by far
/// more than the tolerance, which only absorbs float summation order across CPUs.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class PinnedWeightsTests
{
    private readonly ITestOutputHelper _output;

    public PinnedWeightsTests(ITestOutputHelper output) => _output = output;

    private static GanOptions Options() => new() { Seed = 23, Device = ComputeDevice.Cpu, LogEvery = 1, GridSamples = 4 };

    /// <summary>Per network: sum, sum of absolute values, and the first value of its first and last tensor.</summary>
    private static double[] Fingerprint(nn.Module module)
    {
        var tensors = module.state_dict().Where(kv => kv.Value.is_floating_point()).Select(kv => kv.Value.cpu().to(ScalarType.Float64).data<double>().ToArray()).ToList();
        return new[] { tensors.Sum(t => t.Sum()), tensors.Sum(t => t.Sum(Math.Abs)), tensors[0][0], tensors[^1][0] };
    }

    private void Check<TG, TD>(GanModel<TG, TD> gan, GanDsl.Data.ImageDataset data, int batchSize, int epochs, double[] expected)
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator
    {
        gan.Fit(data, epochs, batchSize);
        var actual = Fingerprint(gan.Generator).Concat(Fingerprint(gan.Discriminator)).ToArray();
        _output.WriteLine(string.Join(", ", actual.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])),
                $"value {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void Non_saturating_tiny_gan_trains_to_the_pinned_weights()
    {
        using var gan = new TinyGan(Options());
        using var data = TinyData.Create(48);
        Check(gan, data, batchSize: 16, epochs: 2, new[] { 46.203115703421645, 206.57677780394442, -0.05310892313718796, 0.5309562087059021, -0.23675093380734324, 102.73797946306877, 0.13237567245960236, -0.14312924444675446 });
    }

    [Fact]
    public void Minimax_tiny_gan_with_dcgan_init_trains_to_the_pinned_weights()
    {
        using var gan = new TinyMinimaxGan(Options());
        using var data = TinyData.Create(48);
        Check(gan, data, batchSize: 16, epochs: 2, new[] { 40.08136346331821, 64.23292241032027, 0.0209035761654377, 0.28335192799568176, -1.1498158166068606, 19.691485281917267, 0.03569838032126427, -0.002161126583814621 });
    }

    [Fact]
    public void Points_gan_trains_to_the_pinned_weights()
    {
        using var gan = new PointsGan(Options());
        using var points = torch.randn(new long[] { 64, 2 }, generator: new torch.Generator(3));
        using var data = GanDsl.Data.ImageDataset.FromTensor(points, null, "points");
        Check(gan, data, batchSize: 16, epochs: 2, new[] { -0.925866927485913, 21.98227299330756, -0.07778284698724747, -0.14037805795669556, 0.24458648823201656, 18.600634606555104, -0.6781450510025024, 0.03646616265177727 });
    }

    [Fact]
    public void Fashion_mlp_gan_trains_to_the_pinned_weights()
    {
        using var gan = new FashionMlpGan(Options());
        using var images = torch.rand(new long[] { 24, 1, 28, 28 }, generator: new torch.Generator(4)) * 2 - 1;
        using var data = GanDsl.Data.ImageDataset.FromTensor(images, null, "noise images");
        Check(gan, data, batchSize: 8, epochs: 1, new[] { 31.257572386411994, 29577.958125531768, -0.013987863436341286, 0.012949412688612938, 50.918800439700135, 25485.018493097283, -0.0073515684343874454, -0.007113669998943806 });
    }
}
