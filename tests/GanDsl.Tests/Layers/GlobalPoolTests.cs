using System;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

public class GlobalPoolTests
{
    // (2, 3, 2, 2): channel c of sample b holds 12b + 4c + {0, 1, 2, 3}.
    private static Tensor Input() => arange(24f).reshape(2, 3, 2, 2);

    [Fact]
    public void Global_sum_pool_sums_each_channel_over_height_and_width()
    {
        using var output = new GlobalSumPool().call(Input());

        Assert.Equal(new long[] { 2, 3 }, output.shape);
        // sum of 4 values starting at s: 4s + 6
        Assert.Equal(new[] { 6f, 22f, 38f, 54f, 70f, 86f }, output.data<float>().ToArray());
    }

    [Fact]
    public void Global_avg_pool_averages_each_channel_over_height_and_width()
    {
        using var output = new GlobalAvgPool().call(Input());

        Assert.Equal(new long[] { 2, 3 }, output.shape);
        Assert.Equal(new[] { 1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f }, output.data<float>().ToArray());
    }

    [Fact]
    public void Both_are_parameterless_and_refuse_a_non_image_input_naming_its_shape()
    {
        Assert.Equal(0, ParameterCount(new GlobalSumPool()));
        Assert.Equal(0, ParameterCount(new GlobalAvgPool()));
        Assert.Empty(Keys(new GlobalSumPool()));
        Assert.Contains("(2, 12)", Assert.Throws<ArgumentException>(() => new GlobalSumPool().call(zeros(2, 12))).Message);
        Assert.Contains("(3, 4, 4)", Assert.Throws<ArgumentException>(() => new GlobalAvgPool().call(zeros(3, 4, 4))).Message);
    }

    [Fact]
    public void Gradients_pass_through()
    {
        using var input = Input().requires_grad_(true);
        (new GlobalSumPool().call(input).sum() + new GlobalAvgPool().call(input).sum()).backward();
        Assert.True(input.grad!.allclose(full(new long[] { 2, 3, 2, 2 }, 1.25f)));
    }
}
