using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

/// <summary>The TorchSharp 0.107 built-ins that issue #9's new layers map to, checked against what the DSL
/// needs: shapes, values, defaults and parameter counts.</summary>
[Collection(SerialCollection.Name)]
public class BuiltInLayerTests
{
    private static Tensor Normalized(Tensor x, long[] dims)
    {
        var mean = x.mean(dims, keepdim: true);
        var variance = x.var(dims, unbiased: false, keepdim: true);
        return (x - mean) / (variance + 1e-5).sqrt();
    }

    [Fact]
    public void LayerNorm_over_a_flat_shape_normalises_each_sample_and_has_2N_parameters()
    {
        torch.manual_seed(81);
        var norm = nn.LayerNorm(new long[] { 6 });
        using var rng = Rng(82);
        using var x = randn(new long[] { 4, 6 }, generator: rng) * 3 + 1;

        using var y = norm.call(x);

        Assert.Equal(2 * 6, ParameterCount(norm));
        Assert.Equal(new[] { "weight", "bias" }, Keys(norm));
        Assert.True(y.allclose(Normalized(x, new long[] { 1 }), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void LayerNorm_over_C_H_W_normalises_each_whole_sample_not_each_channel()
    {
        torch.manual_seed(83);
        var norm = nn.LayerNorm(new long[] { 3, 4, 4 });
        using var rng = Rng(84);
        // Channel c is offset by 5c, so per-channel normalisation would give a different result.
        using var x = randn(new long[] { 2, 3, 4, 4 }, generator: rng) + arange(3f).reshape(1, 3, 1, 1) * 5;

        using var y = norm.call(x);

        Assert.Equal(2 * 3 * 4 * 4, ParameterCount(norm));
        Assert.Equal(new long[] { 3, 4, 4 }, norm.weight.shape);
        Assert.True(y.allclose(Normalized(x, new long[] { 1, 2, 3 }), rtol: 1e-4, atol: 1e-5));
        Assert.False(y.allclose(Normalized(x, new long[] { 2, 3 }), rtol: 1e-2, atol: 1e-2));
    }

    [Fact]
    public void InstanceNorm2d_defaults_match_pytorch_no_affine_no_running_stats_and_normalise_each_channel_of_each_sample()
    {
        var norm = nn.InstanceNorm2d(3);
        using var rng = Rng(85);
        using var x = randn(new long[] { 2, 3, 5, 5 }, generator: rng) * 2 + 7;

        Assert.False(norm.affine);
        Assert.False(norm.track_running_stats);
        Assert.Equal(0, ParameterCount(norm));
        Assert.Empty(norm.named_buffers());
        Assert.Empty(Keys(norm));
        norm.train();
        using var trained = norm.call(x);
        norm.eval();
        using var evaluated = norm.call(x);
        Assert.True(trained.allclose(Normalized(x, new long[] { 2, 3 }), rtol: 1e-4, atol: 1e-5));
        Assert.True(Identical(trained, evaluated));   // no running statistics: eval uses the sample's own
        Assert.Equal(2 * 3, ParameterCount(nn.InstanceNorm2d(3, affine: true)));
    }

    [Fact]
    public void ReflectionPad2d_mirrors_without_repeating_the_edge()
    {
        var pad = nn.ReflectionPad2d(1);
        using var x = arange(9f).reshape(1, 1, 3, 3);   // 0 1 2 / 3 4 5 / 6 7 8

        using var y = pad.call(x);

        Assert.Equal(new long[] { 1, 1, 5, 5 }, y.shape);
        Assert.Equal(new float[]
        {
            4, 3, 4, 5, 4,
            1, 0, 1, 2, 1,
            4, 3, 4, 5, 4,
            7, 6, 7, 8, 7,
            4, 3, 4, 5, 4,
        }, y.data<float>().ToArray());
        Assert.Equal(0, ParameterCount(pad));
        // The tuple overload is (left, right, top, bottom), as PyTorch's.
        using var uneven = nn.ReflectionPad2d((1, 0, 2, 0)).call(x);
        Assert.Equal(new long[] { 1, 1, 5, 4 }, uneven.shape);
    }

    [Fact]
    public void PixelShuffle_moves_r_squared_channels_into_an_r_by_r_block()
    {
        const int r = 2;
        var shuffle = nn.PixelShuffle(r);
        using var x = arange(2f * r * r * 2 * 3).reshape(1, 2 * r * r, 2, 3);

        using var y = shuffle.call(x);

        Assert.Equal(new long[] { 1, 2, 2 * r, 3 * r }, y.shape);
        for (int c = 0; c < 2; c++)
            for (int h = 0; h < 2; h++)
                for (int w = 0; w < 3; w++)
                    for (int i = 0; i < r; i++)
                        for (int j = 0; j < r; j++)
                            Assert.Equal(x[0, c * r * r + i * r + j, h, w].item<float>(), y[0, c, h * r + i, w * r + j].item<float>());
        Assert.Equal(0, ParameterCount(shuffle));
    }

    [Fact]
    public void PReLU_has_num_parameters_slopes_initialised_to_init_one_per_channel()
    {
        var single = nn.PReLU(1);   // num_parameters has no default in TorchSharp (PyTorch: 1)
        Assert.Equal(1, ParameterCount(single));
        Assert.Equal(new[] { "weight" }, Keys(single));
        using var y = single.call(tensor(new[] { -2f, 3f }));
        Assert.Equal(new[] { -0.5f, 3f }, y.data<float>().ToArray());   // default init 0.25

        var perChannel = nn.PReLU(num_parameters: 3, init: 0.1);
        Assert.Equal(3, ParameterCount(perChannel));
        SetWeight(perChannel.weight, tensor(new[] { 0.1f, 0.2f, 0.3f }));
        using var image = perChannel.call(full(new long[] { 2, 3, 2, 2 }, -1f));
        for (int c = 0; c < 3; c++)
            Assert.True(image[.., c].eq(-0.1f * (c + 1)).all().item<bool>(), $"channel {c}");
    }

    [Fact]
    public void AvgPool2d_stride_defaults_to_the_kernel_and_sizes_round_down()
    {
        var pool = nn.AvgPool2d(2);
        using var x = arange(20f).reshape(1, 1, 4, 5);

        using var y = pool.call(x);

        Assert.Equal(new long[] { 1, 1, 2, 2 }, y.shape);   // floor(5 / 2) = 2
        Assert.Equal(new[] { 3f, 5f, 13f, 15f }, y.data<float>().ToArray());
        Assert.Equal(new long[] { 1, 1, 2, 2 }, nn.AvgPool2d(3).call(zeros(1, 1, 7, 7)).shape);
        Assert.Equal(0, ParameterCount(pool));
    }

    [Fact]
    public void Built_ins_with_parameters_keep_them_when_built_inside_a_dispose_scope()
    {
        torch.manual_seed(86);
        nn.Module[] modules;
        using (torch.NewDisposeScope())
        {
            modules = new nn.Module[] { nn.LayerNorm(new long[] { 3, 4, 4 }), nn.InstanceNorm2d(3, affine: true), nn.PReLU(3) };
        }

        Assert.All(modules.SelectMany(m => m.parameters()), p => Assert.False(p.IsInvalid));
    }
}
