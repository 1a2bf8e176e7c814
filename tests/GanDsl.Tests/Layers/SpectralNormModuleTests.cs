using System;
using System.Linq;
using GanDsl.Layers;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

/// <summary>The spectral-norm layers as modules: gradients, state_dict names, checkpoints, shapes,
/// initialisation, dispose scopes and device/dtype moves.</summary>
[Collection(SerialCollection.Name)]
public class SpectralNormModuleTests
{
    public static TheoryData<string> Kinds => new() { SpectralNormCase.Linear, SpectralNormCase.Conv, SpectralNormCase.Deconv, SpectralNormCase.Embedding };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_reach_weight_orig_and_bias_but_not_u_and_v(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(21);
        var layer = c.Build();
        using var rng = Rng(22);
        layer.train();

        layer.call(c.Input(rng)).square().sum().backward();

        Assert.True(layer.WeightOrig.grad is { } w && w.abs().sum().item<float>() > 0, $"{kind}: weight_orig has no gradient");
        if (layer.Bias is not null)
            Assert.True(layer.Bias.grad is { } b && b.abs().sum().item<float>() > 0, $"{kind}: bias has no gradient");
        Assert.False(layer.WeightU.requires_grad);
        Assert.False(layer.WeightV.requires_grad);
    }

    [Fact]
    public void The_gradient_flows_through_sigma_as_well_as_through_the_weight()
    {
        torch.manual_seed(40);
        var layer = new SpectralNormLinear(7, 5);
        layer.eval();   // u and v fixed, so the reference below sees the same ones
        using var rng = Rng(41);
        using var input = randn(new long[] { 3, 7 }, generator: rng);
        layer.call(input).square().sum().backward();
        // Reference: d/dW of sum((x (W / (u . W v))^T + b)^2), with sigma differentiated too.
        using var w = layer.WeightOrig.detach().clone().requires_grad_(true);
        using var sigma = layer.WeightU.dot(w.mv(layer.WeightV));
        nn.functional.linear(input, w / sigma, layer.Bias!.detach()).square().sum().backward();

        Assert.True(layer.WeightOrig.grad!.allclose(w.grad!, rtol: 1e-5, atol: 1e-6));
        // Treating sigma as a constant would give a different gradient; make sure the check can tell.
        using var constantSigma = w.detach().clone().requires_grad_(true);
        nn.functional.linear(input, constantSigma / sigma.detach(), layer.Bias!.detach()).square().sum().backward();
        Assert.False(layer.WeightOrig.grad!.allclose(constantSigma.grad!, rtol: 1e-3, atol: 1e-4));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_training_forwards_then_one_backward_work(string kind)
    {
        // A GAN's D sees the real and the fake batch before one backward; the second forward updates u and v in place.
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(23);
        var layer = c.Build();
        using var rng = Rng(24);
        layer.train();

        var real = layer.call(c.Input(rng)).sum();
        var fake = layer.call(c.Input(rng)).sum();
        (real - fake).backward();

        Assert.NotNull(layer.WeightOrig.grad);
    }

    [Fact]
    public void State_dict_keys_are_pytorch_spectral_norm_names()
    {
        torch.manual_seed(25);
        Assert.Equal(new[] { "bias", "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormLinear(4, 3)));
        Assert.Equal(new[] { "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormLinear(4, 3, hasBias: false)));
        Assert.Equal(new[] { "bias", "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormConv2d(2, 3, 3)));
        Assert.Equal(new[] { "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormConv2d(2, 3, 3, bias: false)));
        Assert.Equal(new[] { "bias", "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormConvTranspose2d(2, 3, 3)));
        Assert.Equal(new[] { "weight_orig", "weight_u", "weight_v" }, Keys(new SpectralNormEmbedding(5, 3)));
    }

    [Fact]
    public void U_and_v_are_buffers_not_parameters()
    {
        torch.manual_seed(26);
        var layer = new SpectralNormConv2d(2, 3, 3);

        Assert.Equal(new[] { "bias", "weight_orig" }, layer.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "weight_u", "weight_v" }, layer.named_buffers().Select(b => b.name));
        Assert.Equal(new long[] { 3 }, layer.WeightU.shape);
        Assert.Equal(new long[] { 2 * 3 * 3 }, layer.WeightV.shape);
        Assert.Equal(2 * 3 * 3 * 3 + 3, ParameterCount(layer));
    }

    [Theory]
    [InlineData(7, 5, true, 7 * 5 + 5)]
    [InlineData(7, 5, false, 7 * 5)]
    public void Linear_parameter_count_is_in_times_out_plus_bias(long inputs, long outputs, bool bias, long expected)
    {
        torch.manual_seed(27);
        Assert.Equal(expected, ParameterCount(new SpectralNormLinear(inputs, outputs, bias)));
    }

    [Fact]
    public void Conv_parameter_counts_follow_the_plain_layers()
    {
        torch.manual_seed(28);
        Assert.Equal(ParameterCount(nn.Conv2d(4, 6, 3, groups: 2)), ParameterCount(new SpectralNormConv2d(4, 6, 3, groups: 2)));
        Assert.Equal(6 * 2 * 3 * 3 + 6, ParameterCount(new SpectralNormConv2d(4, 6, 3, groups: 2)));
        Assert.Equal(ParameterCount(nn.ConvTranspose2d(4, 6, 3, groups: 2)), ParameterCount(new SpectralNormConvTranspose2d(4, 6, 3, groups: 2)));
        Assert.Equal(4 * 3 * 3 * 3 + 6, ParameterCount(new SpectralNormConvTranspose2d(4, 6, 3, groups: 2)));
        Assert.Equal(new long[] { 3 }, new SpectralNormConvTranspose2d(4, 6, 3, groups: 2).WeightU.shape);  // out / groups
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Save_and_load_round_trip_u_and_v_and_give_bit_identical_eval_outputs(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(29);
        var trained = c.Build();
        using var rng = Rng(30);
        var input = c.Input(rng);
        trained.train();
        for (int i = 0; i < 3; i++) trained.call(input).Dispose();   // u and v move away from their initial values
        trained.eval();
        torch.manual_seed(31);
        var restored = c.Build();
        Assert.False(Identical(restored.WeightU, trained.WeightU));

        SaveAndLoad(trained, restored);
        restored.eval();

        Assert.True(Identical(restored.WeightU, trained.WeightU));
        Assert.True(Identical(restored.WeightV, trained.WeightV));
        Assert.True(Identical(restored.call(input), trained.call(input)));
    }

    public static TheoryData<string> Shapes => new()
    {
        "conv 3->8 k3",
        "conv 3->8 k3 s2 p1",
        "conv 3->8 k4 s2 p1",
        "conv 3->8 k3 d2 p2",
        "conv 4->8 k3 g2",
        "conv 3->8 k(3,5) s(2,1) p(1,2)",
        "conv 3->8 k4 same",
        "conv 3->8 k5 same",
        "deconv 3->8 k4 s2 p1",
        "deconv 3->8 k5 s2 p2 op1",
        "deconv 3->8 k3 s1 p1",
        "deconv 4->8 k3 s2 g2 op1",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Output_shape_equals_the_plain_layer_for_the_same_arguments(string arguments)
    {
        torch.manual_seed(32);
        var (plain, normalized) = arguments switch
        {
            "conv 3->8 k3" => Pair(nn.Conv2d(3, 8, 3), new SpectralNormConv2d(3, 8, 3)),
            "conv 3->8 k3 s2 p1" => Pair(nn.Conv2d(3, 8, 3, stride: 2, padding: 1), new SpectralNormConv2d(3, 8, 3, stride: 2, padding: 1)),
            "conv 3->8 k4 s2 p1" => Pair(nn.Conv2d(3, 8, 4, stride: 2, padding: 1), new SpectralNormConv2d(3, 8, 4, stride: 2, padding: 1)),
            "conv 3->8 k3 d2 p2" => Pair(nn.Conv2d(3, 8, 3, padding: 2, dilation: 2), new SpectralNormConv2d(3, 8, 3, padding: 2, dilation: 2)),
            "conv 4->8 k3 g2" => Pair(nn.Conv2d(4, 8, 3, groups: 2), new SpectralNormConv2d(4, 8, 3, groups: 2)),
            "conv 3->8 k(3,5) s(2,1) p(1,2)" => Pair(nn.Conv2d(3, 8, (3, 5), stride: (2, 1), padding: (1, 2)), new SpectralNormConv2d(3, 8, (3, 5), stride: (2, 1), padding: (1, 2))),
            "conv 3->8 k4 same" => Pair(nn.Conv2d(3, 8, 4, Padding.Same), new SpectralNormConv2d(3, 8, 4, Padding.Same)),
            "conv 3->8 k5 same" => Pair(nn.Conv2d(3, 8, 5, padding: Padding.Same), new SpectralNormConv2d(3, 8, 5, padding: Padding.Same)),
            "deconv 3->8 k4 s2 p1" => Pair(nn.ConvTranspose2d(3, 8, 4, stride: 2, padding: 1), new SpectralNormConvTranspose2d(3, 8, 4, stride: 2, padding: 1)),
            "deconv 3->8 k5 s2 p2 op1" => Pair(nn.ConvTranspose2d(3, 8, 5, stride: 2, padding: 2, output_padding: 1), new SpectralNormConvTranspose2d(3, 8, 5, stride: 2, padding: 2, output_padding: 1)),
            "deconv 3->8 k3 s1 p1" => Pair(nn.ConvTranspose2d(3, 8, 3, stride: 1, padding: 1), new SpectralNormConvTranspose2d(3, 8, 3, stride: 1, padding: 1)),
            "deconv 4->8 k3 s2 g2 op1" => Pair(nn.ConvTranspose2d(4, 8, 3, stride: 2, output_padding: 1, groups: 2), new SpectralNormConvTranspose2d(4, 8, 3, stride: 2, output_padding: 1, groups: 2)),
            _ => throw new ArgumentOutOfRangeException(nameof(arguments)),
        };
        long inChannels = arguments.Contains("4->") ? 4 : 3;
        using var rng = Rng(33);
        using var input = randn(new long[] { 2, inChannels, 9, 10 }, generator: rng);

        using var expected = plain.call(input);
        using var actual = normalized.call(input);

        Assert.Equal(expected.shape, actual.shape);
    }

    [Fact]
    public void Transposed_conv_honours_a_different_output_padding_per_axis()
    {
        // TorchSharp 0.107's own ConvTranspose2d uses output_padding[0] for both axes (ConvolutionTranspose._output_padding
        // returns new[] { output_padding[0] } when no output_size is given), so compare with the functional op.
        torch.manual_seed(39);
        var layer = new SpectralNormConvTranspose2d(3, 8, (3, 5), stride: (2, 1), padding: (1, 2), output_padding: (1, 0));
        using var input = zeros(2, 3, 9, 10);
        using var weight = zeros(3, 8, 3, 5);
        using var expected = nn.functional.conv_transpose2d(input, weight, null, strides: new long[] { 2, 1 }, padding: new long[] { 1, 2 },
                                                            output_padding: new long[] { 1, 0 });

        using var actual = layer.call(input);

        Assert.Equal(new long[] { 2, 8, (9 - 1) * 2 - 2 + 3 + 1, (10 - 1) * 1 - 4 + 5 + 0 }, actual.shape);
        Assert.Equal(expected.shape, actual.shape);
    }

    private static (nn.Module<Tensor, Tensor> Plain, nn.Module<Tensor, Tensor> Normalized) Pair(nn.Module<Tensor, Tensor> plain, nn.Module<Tensor, Tensor> normalized) =>
        (plain, normalized);

    [Fact]
    public void Linear_output_shape_equals_the_plain_layer()
    {
        torch.manual_seed(34);
        using var input = zeros(4, 7);
        Assert.Equal(nn.Linear(7, 5).call(input).shape, new SpectralNormLinear(7, 5).call(input).shape);
        Assert.Equal(new long[] { 4, 5 }, new SpectralNormLinear(7, 5, hasBias: false).call(input).shape);
    }

    [Fact]
    public void Initial_weight_and_bias_equal_the_plain_layer_built_from_the_same_seed()
    {
        torch.manual_seed(35);
        var linear = nn.Linear(7, 5);
        torch.manual_seed(35);
        var snLinear = new SpectralNormLinear(7, 5);
        torch.manual_seed(35);
        var conv = nn.Conv2d(3, 8, 4, stride: 2, padding: 1);
        torch.manual_seed(35);
        var snConv = new SpectralNormConv2d(3, 8, 4, stride: 2, padding: 1);
        torch.manual_seed(35);
        var deconv = nn.ConvTranspose2d(3, 8, 4, stride: 2, padding: 1);
        torch.manual_seed(35);
        var snDeconv = new SpectralNormConvTranspose2d(3, 8, 4, stride: 2, padding: 1);

        Assert.True(Identical(snLinear.WeightOrig, linear.weight));
        Assert.True(Identical(snLinear.Bias!, linear.bias!));
        Assert.True(Identical(snConv.WeightOrig, conv.weight));
        Assert.True(Identical(snConv.Bias!, conv.bias!));
        Assert.True(Identical(snDeconv.WeightOrig, deconv.weight));
        Assert.True(Identical(snDeconv.Bias!, deconv.bias!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_layer_built_inside_a_dispose_scope_survives_the_scope(string kind)
    {
        var c = SpectralNormCase.Of(kind);
        torch.manual_seed(36);
        SpectralNormLayer layer;
        using (torch.NewDisposeScope())
        {
            layer = c.Build();
        }

        Assert.All(layer.parameters(), p => Assert.False(p.IsInvalid));
        Assert.All(layer.named_buffers(), b => Assert.False(b.buffer.IsInvalid));
        using var rng = Rng(37);
        layer.train();
        layer.call(c.Input(rng)).sum().backward();
        Assert.NotNull(layer.WeightOrig.grad);
        var copy = c.Build();
        SaveAndLoad(layer, copy);
        Assert.True(Identical(copy.WeightOrig, layer.WeightOrig));
    }

    [Fact]
    public void To_cpu_and_to_float64_move_the_u_and_v_buffers_with_the_parameters()
    {
        torch.manual_seed(38);
        var layer = new SpectralNormConv2d(3, 8, 3, padding: 1);

        layer.to(torch.CPU);
        Assert.Equal(DeviceType.CPU, layer.WeightU.device_type);
        layer.to(ScalarType.Float64);

        Assert.Equal(ScalarType.Float64, layer.WeightOrig.dtype);
        Assert.Equal(ScalarType.Float64, layer.WeightU.dtype);
        Assert.Equal(ScalarType.Float64, layer.WeightV.dtype);
        // The moved tensors are the registered ones, so the module keeps training and saving them.
        Assert.Same(layer.WeightU, layer.named_buffers().Single(b => b.name == "weight_u").buffer);
        Assert.Same(layer.WeightOrig, layer.named_parameters().Single(p => p.name == "weight_orig").parameter);
        layer.train();
        using var input = randn(new long[] { 2, 3, 5, 5 }, dtype: ScalarType.Float64);
        using var output = layer.call(input);
        Assert.Equal(ScalarType.Float64, output.dtype);
    }

    [Fact]
    public void Bad_arguments_throw_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => new SpectralNormConv2d(3, 8, 3, groups: 2));
        Assert.Throws<ArgumentException>(() => new SpectralNormConv2d(3, 8, 4, Padding.Same, stride: 2));
        Assert.Throws<ArgumentException>(() => new SpectralNormConvTranspose2d(4, 6, 3, groups: 4));
        var error = Assert.Throws<ArgumentException>(() => new SpectralNormConvTranspose2d(3, 8, 4, stride: 2, output_padding: 2));
        Assert.Contains("output_padding (2, 2)", error.Message);
    }
}
