using System;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

/// <summary>Issue #9, done means 3: the power iteration finds the largest singular value and the normalised
/// weight's largest singular value is 1; u and v move in training only.</summary>
[Collection(SerialCollection.Name)]
public class SpectralNormSigmaTests
{
    // sigma_2 / sigma_1 = 0.5: power iteration's error shrinks like (sigma_2 / sigma_1)^(2k), so 20 steps are plenty.
    // (A random Gaussian matrix's gap can be much smaller: see the 100-iteration test below.)
    private static readonly double[] Spectrum = { 3.0, 1.5, 1.2, 1.0, 0.8, 0.5, 0.3, 0.2, 0.1, 0.05 };

    /// <summary>A layer whose weight is replaced by a fixed one with a known spectrum, unrelated to the weight
    /// u and v were warmed up on at construction.</summary>
    private static (SpectralNormLayer Layer, Tensor Input, Tensor Matrix) WithFixedWeight(SpectralNormCase c, long seed)
    {
        torch.manual_seed(seed);
        var layer = c.Build();
        using var rng = Rng(seed + 1);
        using var shape = c.AsMatrix(layer.WeightOrig);
        using var matrix = WithSingularValues(shape.shape[0], shape.shape[1], Spectrum, rng);
        SetWeight(layer.WeightOrig, c.FromMatrix(matrix, layer.WeightOrig.shape));
        return (layer, c.Input(rng), c.AsMatrix(layer.WeightOrig));
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void After_20_training_forwards_sigma_is_the_largest_singular_value(string kind)
    {
        var (layer, input, matrix) = WithFixedWeight(SpectralNormCase.Of(kind), seed: 11);
        double expected = TopSingularValue(matrix);
        layer.train();
        for (int i = 0; i < 20; i++) layer.call(input).Dispose();

        Assert.True(Math.Abs(layer.Sigma() - expected) < 1e-3, $"{kind}: sigma {layer.Sigma()} vs svdvals {expected}");
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Deconv)]
    public void RunPowerIterations_n_equals_n_training_forwards_bit_for_bit(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        var (byForward, input, _) = WithFixedWeight(c, seed: 19);
        var (byMethod, _, _) = WithFixedWeight(c, seed: 19);
        byForward.train();
        for (int i = 0; i < 20; i++) byForward.call(input).Dispose();

        byMethod.RunPowerIterations(20);

        Assert.True(Identical(byMethod.WeightU, byForward.WeightU));
        Assert.True(Identical(byMethod.WeightV, byForward.WeightV));
        Assert.Equal(byForward.Sigma(), byMethod.Sigma());
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void On_its_own_random_init_sigma_converges_to_the_largest_singular_value_too(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(17);
        var layer = c.Build();
        using var rng = Rng(18);
        using var input = c.Input(rng);
        double expected = TopSingularValue(c.AsMatrix(layer.WeightOrig));
        layer.train();
        for (int i = 0; i < 100; i++) layer.call(input).Dispose();

        Assert.True(Math.Abs(layer.Sigma() - expected) < 1e-3, $"{kind}: sigma {layer.Sigma()} vs svdvals {expected}");
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void After_20_training_forwards_the_normalised_weight_has_largest_singular_value_1(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        var (layer, input, _) = WithFixedWeight(c, seed: 12);
        layer.train();
        for (int i = 0; i < 20; i++) layer.call(input).Dispose();

        using var normalized = layer.NormalizedWeight();
        Assert.Equal(layer.WeightOrig.shape, normalized.shape);
        double top = TopSingularValue(c.AsMatrix(normalized));
        Assert.True(Math.Abs(top - 1) < 1e-3, $"{kind}: top singular value {top}");
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void A_new_layer_is_warmed_up_so_its_first_eval_forward_uses_a_close_sigma(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(13);
        var layer = c.Build();
        double expected = TopSingularValue(c.AsMatrix(layer.WeightOrig));
        // Random unit u and v alone give |u . W v| far below sigma, of either sign; 15 warm-up iterations get within 10%.
        Assert.True(Math.Abs(layer.Sigma() - expected) < 0.1 * expected, $"{kind}: sigma {layer.Sigma()} vs svdvals {expected}");
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void Eval_keeps_u_and_v_and_gives_the_same_output_twice(string kind)
    {
        var (layer, input, _) = WithFixedWeight(SpectralNormCase.Of(kind), seed: 14);
        layer.eval();
        using var u = layer.WeightU.clone();
        using var v = layer.WeightV.clone();

        using var first = layer.call(input);
        using var second = layer.call(input);

        Assert.True(Identical(first, second));
        Assert.True(Identical(layer.WeightU, u));
        Assert.True(Identical(layer.WeightV, v));
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    [InlineData(SpectralNormCase.Embedding)]
    public void Training_forward_runs_one_power_iteration_on_u_and_v(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        var (layer, input, matrix) = WithFixedWeight(c, seed: 15);
        layer.train();
        using var u = layer.WeightU.clone();

        layer.call(input).Dispose();

        // One step by hand: v = normalize(W^T u), u = normalize(W v).
        using var v1 = nn.functional.normalize(matrix.t().mv(u), dim: 0);
        using var u1 = nn.functional.normalize(matrix.mv(v1), dim: 0);
        Assert.True(layer.WeightV.allclose(v1, rtol: 1e-4, atol: 1e-6), $"{kind}: v");
        Assert.True(layer.WeightU.allclose(u1, rtol: 1e-4, atol: 1e-6), $"{kind}: u");
        Assert.False(Identical(layer.WeightU, u), $"{kind}: u did not move");
    }

    [Theory]
    [InlineData(SpectralNormCase.Linear)]
    [InlineData(SpectralNormCase.Conv)]
    [InlineData(SpectralNormCase.Deconv)]
    public void Eval_forward_is_the_plain_op_with_the_normalised_weight(string kind)
    {
        var (layer, input, _) = WithFixedWeight(SpectralNormCase.Of(kind), seed: 16);
        layer.eval();
        using var weight = layer.NormalizedWeight();
        using var expected = kind switch
        {
            SpectralNormCase.Linear => nn.functional.linear(input, weight, layer.Bias),
            SpectralNormCase.Conv => nn.functional.conv2d(input, weight, layer.Bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 }),
            _ => nn.functional.conv_transpose2d(input, weight, layer.Bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 },
                                                output_padding: new long[] { 1, 1 }),
        };

        using var actual = layer.call(input);

        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }
}
