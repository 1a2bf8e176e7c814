using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>The gradient penalties against closed forms: on a linear critic D(x) = w.x + b, grad_x D = w everywhere.</summary>
[Collection(SerialCollection.Name)]
public class PenaltyTests
{
    private static nn.Module<Tensor, Tensor> LinearCritic(float[] w, long[] sampleShape)
    {
        var linear = nn.Linear(w.Length, 1);
        using (torch.no_grad())
        {
            linear.weight!.copy_(torch.tensor(w).reshape(1, w.Length));
            linear.bias!.fill_(0.25);
        }
        return sampleShape.Length == 1 ? linear : nn.Sequential(nn.Flatten(), linear);
    }

    private static double Norm(float[] w) => Math.Sqrt(w.Sum(x => (double)x * x));

    [Fact]
    public void Gradient_penalty_of_a_linear_critic_is_the_squared_distance_of_its_weight_norm_from_one()
    {
        float[] w = { 0.5f, -2f, 1f };
        using var critic = LinearCritic(w, new long[] { 3 });
        using var real = torch.randn(6, 3);
        using var fake = torch.randn(6, 3);

        using var penalty = GanPenalties.Gradient(critic.call, real, fake);

        Assert.Equal(Math.Pow(Norm(w) - 1, 2), penalty.item<float>(), 5);
    }

    [Fact]
    public void Gradient_penalty_takes_the_norm_over_all_non_batch_dimensions()
    {
        // A critic on (2, 2, 2) samples: the gradient is w reshaped, and its norm is the norm of all 8 weights
        // (a norm per channel or per row would give another number).
        float[] w = { 0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f };
        using var critic = LinearCritic(w, new long[] { 2, 2, 2 });
        using var real = torch.randn(5, 2, 2, 2);
        using var fake = torch.randn(5, 2, 2, 2);

        using var penalty = GanPenalties.Gradient(critic.call, real, fake);

        Assert.Equal(Math.Pow(Norm(w) - 1, 2), penalty.item<float>(), 5);
    }

    [Fact]
    public void Gradient_penalty_interpolates_each_sample_with_its_own_uniform_weight()
    {
        // D(x) = 1/2 ||x||^2 has gradient x: at x^ = a * 1 + (1 - a) * 0 its norm is a * sqrt(d), one a per sample.
        using var critic = new QuadraticCritic();
        using var real = torch.ones(4, 3);
        using var fake = torch.zeros(4, 3);

        torch.random.manual_seed(9);
        using var penalty = GanPenalties.Gradient(critic.call, real, fake);
        torch.random.manual_seed(9);
        var alphas = torch.rand(4, 1).data<float>().ToArray();

        Assert.Equal(4, alphas.Distinct().Count());
        Assert.Equal(alphas.Average(a => Math.Pow(a * Math.Sqrt(3) - 1, 2)), penalty.item<float>(), 5);
    }

    [Fact]
    public void Gradient_penalty_reaches_the_critics_weights_with_its_closed_form_gradient()
    {
        // d/dw (||w|| - 1)^2 = 2 (||w|| - 1) w / ||w||: only there if autograd.grad built a graph (create_graph).
        float[] w = { 0.5f, -2f, 1f };
        var linear = nn.Linear(3, 1);
        using (torch.no_grad()) linear.weight!.copy_(torch.tensor(w).reshape(1, 3));
        using var real = torch.randn(6, 3);
        using var fake = torch.randn(6, 3);

        GanPenalties.Gradient(linear.call, real, fake).backward();

        double norm = Norm(w);
        var expected = w.Select(x => 2 * (norm - 1) * x / norm).ToArray();
        var actual = linear.weight!.grad!.data<float>().ToArray();
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], actual[i], 4);
        linear.Dispose();
    }

    [Fact]
    public void R1_of_a_linear_critic_is_its_squared_weight_norm()
    {
        float[] w = { 0.5f, -2f, 1f };
        using var critic = LinearCritic(w, new long[] { 3 });
        using var real = torch.randn(6, 3).requires_grad_(true);

        using var r1 = GanPenalties.R1(critic.call(real), real);

        Assert.Equal(w.Sum(x => (double)x * x), r1.item<float>(), 4);
        Assert.Throws<ArgumentException>(() => GanPenalties.R1(critic.call(real.detach()), real.detach()));
    }

    private sealed class QuadraticCritic : nn.Module<Tensor, Tensor>
    {
        public QuadraticCritic() : base(nameof(QuadraticCritic)) { }

        public override Tensor forward(Tensor input) => 0.5 * input.square().sum(1);
    }
}
