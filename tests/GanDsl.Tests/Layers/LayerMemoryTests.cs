using System;
using GanDsl.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using static GanDsl.Tests.Layers.LayerTestKit;

namespace GanDsl.Tests.Layers;

/// <summary>The new layers dispose their own temporaries: a forward leaves nothing alive but its output,
/// and a training loop with a dispose scope per step keeps the live tensor count flat.</summary>
[Collection(SerialCollection.Name)]
public class LayerMemoryTests
{
    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return torch.Tensor.TotalCount;
    }

    public static TheoryData<string> Layers => new() { "sn-linear", "sn-conv", "sn-deconv", "sn-embedding", "concat-flat", "concat-image", "project", "project-sn", "sum-pool", "avg-pool", "cbn-flat", "cbn-image" };

    private static Func<Tensor> Forward(string layer)
    {
        torch.manual_seed(111);
        Tensor labels = tensor(new long[] { 0, 1 });
        return layer switch
        {
            "sn-linear" => Bind(new SpectralNormLinear(4, 3), zeros(2, 4)),
            "sn-conv" => Bind(new SpectralNormConv2d(2, 3, 3, padding: 1), zeros(2, 2, 5, 5)),
            "sn-deconv" => Bind(new SpectralNormConvTranspose2d(2, 3, 4, stride: 2, padding: 1), zeros(2, 2, 5, 5)),
            "sn-embedding" => Bind(new SpectralNormEmbedding(3, 4), labels),
            "concat-flat" => Bind(new ConcatLabel(3, 4), zeros(2, 5), labels),
            "concat-image" => Bind(new ConcatLabel(3, 4), zeros(2, 1, 5, 5), labels),
            "project" => Bind(new ProjectLabel(3, 5), zeros(2, 5), labels),
            "project-sn" => Bind(new ProjectLabel(3, 5, spectralNorm: true), zeros(2, 5), labels),
            "cbn-flat" => Bind(new ConditionalBatchNorm(3, 5, image: false), randn(2, 5), labels),
            "cbn-image" => Bind(new ConditionalBatchNorm(3, 4, image: true), randn(2, 4, 3, 3), labels),
            "sum-pool" => Bind(new GlobalSumPool(), zeros(2, 3, 4, 4)),
            "avg-pool" => Bind(new GlobalAvgPool(), zeros(2, 3, 4, 4)),
            _ => throw new ArgumentOutOfRangeException(nameof(layer)),
        };

        static Func<Tensor> Bind(nn.Module module, Tensor input, Tensor? labels = null) => module switch
        {
            nn.Module<Tensor, Tensor> single => () => single.call(input),
            nn.Module<Tensor, Tensor, Tensor> conditional => () => conditional.call(input, labels!),
            _ => throw new ArgumentException(module.GetType().Name),
        };
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_forward_outside_any_scope_leaves_only_its_output_alive(string layer)
    {
        var forward = Forward(layer);
        forward().Dispose();   // warm up anything allocated once
        long before = LiveTensors();

        using (torch.no_grad()) forward().Dispose();
        forward().Dispose();   // with autograd: the graph holds native references, not managed wrappers

        Assert.Equal(before, torch.Tensor.TotalCount);   // no GC in between: a forgotten temporary would still count
    }

    [Fact]
    public void Training_steps_in_a_dispose_scope_keep_the_live_tensor_count_flat()
    {
        torch.manual_seed(112);
        var critic = new TinyConditionalCritic();
        var adam = optim.Adam(critic.parameters(), lr: 1e-3);
        using var rng = Rng(113);
        using var images = randn(new long[] { 8, 1, 6, 6 }, generator: rng);
        using var labels = randint(0, TinyConditionalCritic.Classes, new long[] { 8 }, dtype: ScalarType.Int64, generator: rng);
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            adam.zero_grad();
            critic.call(images, labels).mean().backward();
            adam.step();
        }
        critic.train();
        for (int i = 0; i < 5; i++) Step();   // Adam allocates its state in the first steps
        long before = LiveTensors();

        for (int i = 0; i < 100; i++) Step();

        Assert.Equal(before, LiveTensors());
    }
}
