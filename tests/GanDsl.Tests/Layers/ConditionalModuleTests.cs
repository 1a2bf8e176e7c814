using System.Linq;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

/// <summary>Generated conditional networks will derive Module&lt;Tensor, Tensor, Tensor&gt; and register their
/// layers with RegisterComponents; this proves that pattern works with the new layers.</summary>
[Collection(SerialCollection.Name)]
public class ConditionalModuleTests
{
    private static (Tensor Images, Tensor Labels) Batch(long seed)
    {
        using var rng = Rng(seed);
        return (randn(new long[] { 5, 1, 6, 6 }, generator: rng), tensor(new long[] { 0, 2, 1, 2, 0 }));
    }

    [Fact]
    public void Call_with_input_and_labels_gives_one_logit_per_sample()
    {
        torch.manual_seed(91);
        var critic = new TinyConditionalCritic();
        var (images, labels) = Batch(92);

        using var logits = critic.call(images, labels);

        Assert.Equal(new long[] { 5, 1 }, logits.shape);
    }

    [Fact]
    public void Parameters_and_state_dict_hold_every_layer_with_u_and_v_as_buffers_only()
    {
        torch.manual_seed(93);
        var critic = new TinyConditionalCritic();

        Assert.Equal(new[]
        {
            "conv1.bias", "conv1.weight_orig", "label0.embedding.weight",
            "project5.embedding.weight_orig", "project5.linear.bias", "project5.linear.weight_orig",
        }, critic.named_parameters().Select(p => p.name).Order());
        Assert.Equal(TinyConditionalCritic.ParameterCount, ParameterCount(critic));
        Assert.Equal(new[]
        {
            "conv1.weight_u", "conv1.weight_v", "project5.embedding.weight_u", "project5.embedding.weight_v",
            "project5.linear.weight_u", "project5.linear.weight_v",
        }, critic.named_buffers().Select(b => b.name).Order());
        Assert.Equal(12, Keys(critic).Length);
    }

    [Fact]
    public void Train_and_eval_reach_every_child()
    {
        torch.manual_seed(94);
        var critic = new TinyConditionalCritic();
        var (images, labels) = Batch(95);

        critic.eval();
        Assert.All(critic.named_modules(), m => Assert.False(m.module.training, m.name));
        var u = critic.named_buffers().Single(b => b.name == "conv1.weight_u").buffer.clone();
        using var first = critic.call(images, labels);
        using var second = critic.call(images, labels);
        Assert.True(Identical(first, second));                     // no dropout, no power iteration
        Assert.True(Identical(u, critic.named_buffers().Single(b => b.name == "conv1.weight_u").buffer));

        critic.train();
        Assert.All(critic.named_modules(), m => Assert.True(m.module.training, m.name));
        using var third = critic.call(images, labels);
        Assert.False(Identical(u, critic.named_buffers().Single(b => b.name == "conv1.weight_u").buffer));
    }

    [Fact]
    public void Save_and_load_restore_parameters_and_buffers_bit_for_bit()
    {
        torch.manual_seed(96);
        var critic = new TinyConditionalCritic();
        var (images, labels) = Batch(97);
        critic.train();
        for (int i = 0; i < 3; i++) critic.call(images, labels).Dispose();
        critic.eval();
        torch.manual_seed(98);
        var restored = new TinyConditionalCritic();
        restored.eval();

        SaveAndLoad(critic, restored);

        var expected = critic.state_dict();
        Assert.All(restored.state_dict(), entry => Assert.True(Identical(entry.Value, expected[entry.Key]), entry.Key));
        Assert.True(Identical(restored.call(images, labels), critic.call(images, labels)));
    }

    [Fact]
    public void To_moves_and_converts_every_parameter_and_buffer_and_the_layers_keep_using_them()
    {
        torch.manual_seed(101);
        var critic = new TinyConditionalCritic();
        var (images, labels) = Batch(102);

        critic.to(torch.CPU);
        critic.to(ScalarType.Float64);

        Assert.All(critic.state_dict(), entry => Assert.Equal(ScalarType.Float64, entry.Value.dtype));
        Assert.All(critic.state_dict(), entry => Assert.Equal(DeviceType.CPU, entry.Value.device_type));
        var u = critic.state_dict()["conv1.weight_u"];
        using var before = u.clone();
        critic.train();
        using var logits = critic.call(images.to_type(ScalarType.Float64), labels);
        Assert.Equal(ScalarType.Float64, logits.dtype);
        Assert.False(Identical(before, critic.state_dict()["conv1.weight_u"]));   // the registered buffer is the one updated
    }

    [Fact]
    public void An_optimizer_over_parameters_trains_every_layer()
    {
        torch.manual_seed(99);
        var critic = new TinyConditionalCritic();
        var (images, labels) = Batch(100);
        var before = critic.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var adam = optim.Adam(critic.parameters(), lr: 1e-2);
        critic.train();

        adam.zero_grad();
        critic.call(images, labels).mean().backward();
        adam.step();

        Assert.All(critic.named_parameters(), p => Assert.False(Identical(p.parameter, before[p.name]), p.name));
    }
}
