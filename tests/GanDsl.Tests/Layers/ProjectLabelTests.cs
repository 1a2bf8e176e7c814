using System;
using System.Linq;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

[Collection(SerialCollection.Name)]
public class ProjectLabelTests
{
    private static Tensor Labels(params long[] values) => tensor(values);

    private static Tensor Parameter(nn.Module module, string name) => module.named_parameters().Single(p => p.name == name).parameter;

    [Fact]
    public void Output_is_dense_of_h_plus_the_inner_product_of_the_label_embedding_and_h()
    {
        torch.manual_seed(61);
        var layer = new ProjectLabel(classes: 4, features: 6);
        using var rng = Rng(62);
        using var h = randn(new long[] { 3, 6 }, generator: rng);
        using var labels = Labels(2, 0, 3);

        using var output = layer.call(h, labels);

        Assert.Equal(new long[] { 3, 1 }, output.shape);
        var w = Parameter(layer, "linear.weight");
        var b = Parameter(layer, "linear.bias");
        var table = Parameter(layer, "embedding.weight");
        for (int i = 0; i < 3; i++)
        {
            var hi = h[i];
            var e = table[labels[i].item<long>()];
            double expected = hi.dot(w[0]).item<float>() + b[0].item<float>() + e.dot(hi).item<float>();
            Assert.Equal(expected, output[i, 0].item<float>(), 5);
        }
    }

    [Fact]
    public void Parameters_are_dense_features_plus_one_and_an_embedding_of_classes_times_features()
    {
        torch.manual_seed(63);
        var plain = new ProjectLabel(classes: 10, features: 128);
        var normalized = new ProjectLabel(classes: 10, features: 128, spectralNorm: true);

        Assert.Equal(new[] { "linear.weight", "linear.bias", "embedding.weight" }, Keys(plain));
        // TorchSharp's state_dict lists all parameters of a module tree before all buffers (PyTorch goes module by module).
        Assert.Equal(new[] { "linear.bias", "linear.weight_orig", "linear.weight_u", "linear.weight_v",
                             "embedding.weight_orig", "embedding.weight_u", "embedding.weight_v" }.Order(), Keys(normalized).Order());
        Assert.Equal(128 + 1 + 10 * 128, ParameterCount(plain));
        Assert.Equal(128 + 1 + 10 * 128, ParameterCount(normalized));
    }

    [Fact]
    public void With_spectral_norm_both_the_dense_layer_and_the_embedding_are_normalised()
    {
        torch.manual_seed(64);
        var layer = new ProjectLabel(classes: 5, features: 8, spectralNorm: true);
        var modules = layer.named_children().ToDictionary(c => c.name, c => c.module);
        var linear = Assert.IsType<SpectralNormLinear>(modules["linear"]);
        var embedding = Assert.IsType<SpectralNormEmbedding>(modules["embedding"]);
        using var rng = Rng(65);
        using var h = randn(new long[] { 4, 8 }, generator: rng);
        using var labels = Labels(0, 4, 4, 1);
        layer.train();
        for (int i = 0; i < 30; i++) layer.call(h, labels).Dispose();
        layer.eval();

        using var output = layer.call(h, labels);

        using var w = linear.NormalizedWeight();
        using var table = embedding.NormalizedWeight();
        Assert.True(Math.Abs(TopSingularValue(w) - 1) < 1e-3);
        Assert.True(Math.Abs(TopSingularValue(table) - 1) < 1e-3);
        using var expected = nn.functional.linear(h, w, linear.Bias) + (table.index_select(0, labels) * h).sum(1, keepdim: true);
        Assert.True(output.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradients_reach_every_parameter_and_the_features(bool spectralNorm)
    {
        torch.manual_seed(66);
        var layer = new ProjectLabel(classes: 3, features: 5, spectralNorm);
        using var rng = Rng(67);
        using var h = randn(new long[] { 4, 5 }, generator: rng).requires_grad_(true);
        layer.train();

        layer.call(h, Labels(0, 1, 2, 1)).sum().backward();

        Assert.All(layer.named_parameters(), p => Assert.True(p.parameter.grad is { } g && g.abs().sum().item<float>() > 0, p.name));
        Assert.NotNull(h.grad);
    }

    [Fact]
    public void Wrong_features_or_labels_are_argument_errors_that_say_what_is_wrong()
    {
        torch.manual_seed(68);
        var layer = new ProjectLabel(classes: 3, features: 5);

        Assert.Contains("(2, 4)", Assert.Throws<ArgumentException>(() => layer.call(zeros(2, 4), Labels(0, 1))).Message);
        Assert.Contains("(2, 5, 1)", Assert.Throws<ArgumentException>(() => layer.call(zeros(2, 5, 1), Labels(0, 1))).Message);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => layer.call(zeros(2, 5), tensor(new[] { 0, 1 }))).Message);
        Assert.Contains("shape (2)", Assert.Throws<ArgumentException>(() => layer.call(zeros(2, 5), Labels(0, 1, 2))).Message);
        Assert.Contains("[0, 3]", Assert.Throws<ArgumentException>(() => layer.call(zeros(2, 5), Labels(0, 3))).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Built_inside_a_dispose_scope_it_survives_and_round_trips_through_save_and_load(bool spectralNorm)
    {
        torch.manual_seed(69);
        ProjectLabel layer;
        using (torch.NewDisposeScope())
        {
            layer = new ProjectLabel(classes: 3, features: 5, spectralNorm);
        }
        using var rng = Rng(70);
        using var h = randn(new long[] { 4, 5 }, generator: rng);
        using var labels = Labels(2, 1, 0, 2);
        layer.train();
        layer.call(h, labels).sum().backward();
        layer.eval();
        torch.manual_seed(71);
        var copy = new ProjectLabel(classes: 3, features: 5, spectralNorm);
        copy.eval();

        SaveAndLoad(layer, copy);

        Assert.All(layer.parameters(), p => Assert.False(p.IsInvalid));
        Assert.True(Identical(copy.call(h, labels), layer.call(h, labels)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Recorded_class_logits_are_the_features_times_every_class_embedding_and_leave_the_output_alone(bool spectralNorm)
    {
        torch.manual_seed(72);
        var recording = new ProjectLabel(classes: 4, features: 6, spectralNorm) { RecordsClassLogits = true };
        torch.manual_seed(72);
        var plain = new ProjectLabel(classes: 4, features: 6, spectralNorm);
        using var rng = Rng(73);
        using var h = randn(new long[] { 5, 6 }, generator: rng);
        using var labels = Labels(3, 0, 1, 1, 2);
        recording.train();
        plain.train();

        using var output = recording.call(h, labels);
        using var logits = recording.TakeClassLogits();
        using var expectedOutput = plain.call(h, labels);

        Assert.True(allclose(output, expectedOutput, rtol: 1e-5, atol: 1e-6));   // the same power iteration, the same logit
        // The table as the layer used it: the normalised one after this forward's power iteration under spectral norm.
        var table = spectralNorm
            ? recording.named_parameters().Single(p => p.name == "embedding.weight_orig").parameter / SpectralNormFactor(recording)
            : recording.named_parameters().Single(p => p.name == "embedding.weight").parameter;
        Assert.Equal(new long[] { 5, 4 }, logits.shape);
        for (int i = 0; i < 5; i++)
            for (int c = 0; c < 4; c++)
                Assert.Equal((h[i] * table[c]).sum().item<float>(), logits[i, c].item<float>(), 4);
        Assert.Throws<InvalidOperationException>(() => recording.TakeClassLogits());   // each forward's logits are taken once
    }

    /// <summary>sigma = u^T W v with the layer's stored vectors, which after a training forward are the ones it used.</summary>
    private static Tensor SpectralNormFactor(ProjectLabel layer)
    {
        var buffers = layer.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        var weight = layer.named_parameters().Single(p => p.name == "embedding.weight_orig").parameter;
        return buffers["embedding.weight_u"].dot(weight.matmul(buffers["embedding.weight_v"]));
    }
}
