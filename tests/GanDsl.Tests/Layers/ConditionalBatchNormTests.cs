using System;
using System.Linq;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

[Collection(SerialCollection.Name)]
public class ConditionalBatchNormTests
{
    private static Tensor Labels(params long[] values) => tensor(values);

    private static Tensor Table(ConditionalBatchNorm layer, string name) =>
        layer.named_parameters().Single(p => p.name == name + ".weight").parameter;

    /// <summary>Batch statistics per channel written out: (x - mean) / sqrt(biased var + eps), over batch and space.</summary>
    private static Tensor Normalised(Tensor x, double eps)
    {
        var dims = x.ndim == 4 ? new long[] { 0, 2, 3 } : new long[] { 0 };
        var mean = x.mean(dims, keepdim: true);
        var variance = (x - mean).square().mean(dims, keepdim: true);
        return (x - mean) / (variance + eps).sqrt();
    }

    [Fact]
    public void It_starts_as_batch_norm_without_affine()
    {
        torch.manual_seed(201);
        var layer = new ConditionalBatchNorm(classes: 4, features: 3, image: true);
        using var rng = Rng(202);
        using var input = randn(new long[] { 5, 3, 4, 4 }, generator: rng) * 2 + 1;

        using var output = layer.call(input, Labels(0, 1, 2, 3, 1));

        Assert.True(allclose(output, Normalised(input, 1e-5), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Each_sample_gets_its_own_classes_gain_and_bias_per_channel()
    {
        torch.manual_seed(203);
        var layer = new ConditionalBatchNorm(classes: 3, features: 2, image: true, eps: 1e-3);
        SetWeight(Table(layer, "gain"), tensor(new float[,] { { 0f, 0f }, { 1f, -0.5f }, { -1f, 2f } }));
        SetWeight(Table(layer, "bias"), tensor(new float[,] { { 0f, 0f }, { 3f, 0f }, { 0f, -2f } }));
        using var rng = Rng(204);
        using var input = randn(new long[] { 3, 2, 3, 3 }, generator: rng);

        using var output = layer.call(input, Labels(2, 0, 1));

        // y = n * (1 + gain[label]) + bias[label], the tables above read by hand
        var n = Normalised(input, 1e-3);
        var expected = stack(new[]
        {
            stack(new[] { n[0, 0] * 0 + 0, n[0, 1] * 3 - 2 }),   // class 2: gains 1 - 1 and 1 + 2, biases 0 and -2
            stack(new[] { n[1, 0], n[1, 1] }),                   // class 0: unchanged
            stack(new[] { n[2, 0] * 2 + 3, n[2, 1] * 0.5 }),     // class 1: gains 2 and 0.5, biases 3 and 0
        });
        Assert.True(allclose(output, expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Flat_inputs_are_normalised_per_feature()
    {
        torch.manual_seed(205);
        var layer = new ConditionalBatchNorm(classes: 2, features: 4, image: false);
        SetWeight(Table(layer, "bias"), tensor(new float[,] { { 0f, 0f, 0f, 0f }, { 1f, 2f, 3f, 4f } }));
        using var rng = Rng(206);
        using var input = randn(new long[] { 6, 4 }, generator: rng);

        using var output = layer.call(input, Labels(1, 0, 0, 1, 0, 0));

        var n = Normalised(input, 1e-5);
        var shift = tensor(new float[] { 1f, 2f, 3f, 4f });
        var expected = cat(new[] { n[..1] + shift, n[1..3], n[3..4] + shift, n[4..] }, 0);
        Assert.True(allclose(output, expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void In_eval_mode_it_uses_the_running_statistics()
    {
        torch.manual_seed(207);
        var layer = new ConditionalBatchNorm(classes: 2, features: 2, image: false, momentum: 1.0);
        using var rng = Rng(208);
        using var batch = randn(new long[] { 8, 2 }, generator: rng) * 3 + 5;
        layer.call(batch, Labels(0, 1, 0, 1, 0, 1, 0, 1)).Dispose();   // momentum 1: the running stats become this batch's
        layer.eval();

        using var probe = tensor(new float[,] { { 5f, 5f } });
        using var output = layer.call(probe, Labels(1));

        var mean = batch.mean(new long[] { 0 });
        var unbiased = batch.var(0);
        Assert.True(allclose(output[0], (probe[0] - mean) / (unbiased + 1e-5).sqrt(), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Parameters_are_a_gain_and_a_bias_table_and_the_statistics_are_buffers()
    {
        torch.manual_seed(209);
        var layer = new ConditionalBatchNorm(classes: 10, features: 128, image: true);
        Assert.Equal(2 * 10 * 128, ParameterCount(layer));
        Assert.Equal(new[] { "bias.weight", "gain.weight", "norm.num_batches_tracked", "norm.running_mean", "norm.running_var" },
            Keys(layer).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal(0.0, Table(layer, "gain").abs().sum().item<float>());
        Assert.Equal(0.0, Table(layer, "bias").abs().sum().item<float>());
    }

    [Fact]
    public void Gradients_reach_only_the_rows_of_the_labels_used()
    {
        torch.manual_seed(210);
        var layer = new ConditionalBatchNorm(classes: 5, features: 3, image: false);
        using var rng = Rng(211);
        using var input = randn(new long[] { 4, 3 }, generator: rng);
        using var weights = randn(new long[] { 4, 3 }, generator: rng);
        (layer.call(input, Labels(1, 3, 1, 3)) * weights).sum().backward();

        foreach (var name in new[] { "gain", "bias" })
        {
            using var rowHasGradient = Table(layer, name).grad!.abs().sum(1).gt(0);
            Assert.Equal(new[] { false, true, false, true, false }, rowHasGradient.data<bool>().ToArray());
        }
    }

    [Fact]
    public void Wrong_inputs_and_labels_are_argument_errors_that_name_the_shapes()
    {
        torch.manual_seed(212);
        var image = new ConditionalBatchNorm(classes: 3, features: 4, image: true);
        var flat = new ConditionalBatchNorm(classes: 3, features: 4, image: false);

        Assert.Contains("(B, 4, H, W), but got (2, 5, 3, 3)", Assert.Throws<ArgumentException>(() => image.call(zeros(2, 5, 3, 3), Labels(0, 1))).Message);
        Assert.Contains("(B, 4), but got (2, 4, 3, 3)", Assert.Throws<ArgumentException>(() => flat.call(zeros(2, 4, 3, 3), Labels(0, 1))).Message);
        Assert.Contains("[0, 2]", Assert.Throws<ArgumentException>(() => flat.call(zeros(2, 4), Labels(0, 3))).Message);
        Assert.Contains("shape (2)", Assert.Throws<ArgumentException>(() => flat.call(zeros(2, 4), Labels(0))).Message);
    }

    [Fact]
    public void Built_inside_a_dispose_scope_it_keeps_its_tables_and_they_round_trip()
    {
        torch.manual_seed(213);
        ConditionalBatchNorm layer;
        using (torch.NewDisposeScope())
        {
            layer = new ConditionalBatchNorm(classes: 3, features: 2, image: false);
        }
        SetWeight(Table(layer, "gain"), full(3, 2, 0.25f));

        Assert.All(layer.parameters(), p => Assert.False(p.IsInvalid));
        layer.call(randn(4, 2), Labels(0, 1, 2, 0)).sum().backward();
        var copy = new ConditionalBatchNorm(classes: 3, features: 2, image: false);
        SaveAndLoad(layer, copy);
        Assert.True(Identical(Table(copy, "gain"), Table(layer, "gain")));
    }
}
