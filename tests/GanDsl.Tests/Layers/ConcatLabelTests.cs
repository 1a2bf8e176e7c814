using System;
using System.Linq;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

[Collection(SerialCollection.Name)]
public class ConcatLabelTests
{
    private static Tensor Labels(params long[] values) => tensor(values);

    private static Tensor Table(ConcatLabel layer) => layer.named_parameters().Single(p => p.name == "embedding.weight").parameter;

    [Fact]
    public void Flat_input_gets_the_label_embedding_appended()
    {
        torch.manual_seed(51);
        var layer = new ConcatLabel(10, 50);
        using var rng = Rng(52);
        using var input = randn(new long[] { 3, 100 }, generator: rng);
        using var labels = Labels(4, 0, 9);

        using var output = layer.call(input, labels);

        Assert.Equal(new long[] { 3, 150 }, output.shape);   // the issue's example: (100) -> (150)
        Assert.True(Identical(output[.., ..100], input));
        Assert.True(Identical(output[.., 100..], Table(layer).index_select(0, labels)));
    }

    [Fact]
    public void Image_input_gets_the_embedding_broadcast_over_height_and_width_as_channels()
    {
        torch.manual_seed(53);
        var layer = new ConcatLabel(10, 3);
        using var rng = Rng(54);
        using var input = randn(new long[] { 2, 1, 28, 28 }, generator: rng);
        using var labels = Labels(7, 2);

        using var output = layer.call(input, labels);

        Assert.Equal(new long[] { 2, 4, 28, 28 }, output.shape);
        Assert.True(Identical(output[.., ..1], input));
        var table = Table(layer);
        for (int sample = 0; sample < 2; sample++)
            for (int channel = 0; channel < 3; channel++)
            {
                using var plane = output[sample, 1 + channel];
                float expected = table[labels[sample].item<long>(), channel].item<float>();
                Assert.True(plane.eq(expected).all().item<bool>(), $"sample {sample}, label channel {channel}");
            }
    }

    [Fact]
    public void The_issues_image_example_gives_two_channels()
    {
        torch.manual_seed(55);
        using var output = new ConcatLabel(10, 1).call(zeros(4, 1, 28, 28), Labels(0, 1, 2, 3));
        Assert.Equal(new long[] { 4, 2, 28, 28 }, output.shape);
    }

    [Fact]
    public void Parameters_are_one_embedding_table_of_classes_times_dim()
    {
        torch.manual_seed(56);
        var layer = new ConcatLabel(10, 50);
        Assert.Equal(new[] { "embedding.weight" }, Keys(layer));
        Assert.Equal(10 * 50, ParameterCount(layer));
        Assert.Equal(new long[] { 10, 50 }, Table(layer).shape);
    }

    [Fact]
    public void Gradients_reach_the_rows_of_the_labels_used()
    {
        torch.manual_seed(57);
        var layer = new ConcatLabel(5, 4);
        layer.call(ones(2, 3), Labels(1, 3)).sum().backward();

        using var rowHasGradient = Table(layer).grad!.abs().sum(1).gt(0);
        Assert.Equal(new[] { false, true, false, true, false }, rowHasGradient.data<bool>().ToArray());
    }

    [Fact]
    public void Labels_of_the_wrong_type_shape_or_range_are_argument_errors_that_say_what_is_wrong()
    {
        torch.manual_seed(58);
        var layer = new ConcatLabel(10, 4);
        using var flat = zeros(3, 5);

        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => layer.call(flat, tensor(new[] { 1, 2, 3 }))).Message);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => layer.call(flat, tensor(new[] { 1f, 2f, 3f }))).Message);
        Assert.Contains("(3, 1)", Assert.Throws<ArgumentException>(() => layer.call(flat, zeros(new long[] { 3, 1 }, ScalarType.Int64))).Message);
        Assert.Contains("shape (3)", Assert.Throws<ArgumentException>(() => layer.call(flat, Labels(1, 2))).Message);
        Assert.Contains("[-1, 2]", Assert.Throws<ArgumentException>(() => layer.call(flat, Labels(-1, 0, 2))).Message);
        Assert.Contains("[0, 10]", Assert.Throws<ArgumentException>(() => layer.call(flat, Labels(0, 10, 2))).Message);
        Assert.Contains("(3, 5, 7)", Assert.Throws<ArgumentException>(() => layer.call(zeros(3, 5, 7), Labels(1, 2, 3))).Message);
    }

    [Fact]
    public void Built_inside_a_dispose_scope_it_keeps_its_embedding()
    {
        // nn.Embedding is native-backed: its registered parameter wrapper is made in the active scope.
        torch.manual_seed(59);
        ConcatLabel layer;
        using (torch.NewDisposeScope())
        {
            layer = new ConcatLabel(10, 4);
        }

        Assert.All(layer.parameters(), p => Assert.False(p.IsInvalid));
        layer.call(ones(2, 3), Labels(1, 2)).sum().backward();
        var copy = new ConcatLabel(10, 4);
        SaveAndLoad(layer, copy);
        Assert.True(Identical(Table(copy), Table(layer)));
    }
}
