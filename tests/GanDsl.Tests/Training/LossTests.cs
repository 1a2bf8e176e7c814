using System;
using System.Linq;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>The losses against values computed by hand from their definitions (softplus form of BCE on logits).</summary>
public class LossTests
{
    private static readonly float[] Real = { 0f, 2f, -0.5f };
    private static readonly float[] Fake = { -1f, 0.5f, 3f };

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [Fact]
    public void Discriminator_loss_is_bce_on_real_ones_and_fake_zeros()
    {
        using var real = torch.tensor(Real);
        using var fake = torch.tensor(Fake);
        // -log s(r) = softplus(-r); -log(1 - s(f)) = softplus(f)
        double expected = Real.Average(r => Softplus(-r)) + Fake.Average(f => Softplus(f));
        foreach (var loss in new[] { GanLoss.NonSaturating, GanLoss.Minimax })
        {
            using var value = GanLosses.Discriminator(loss, real, fake);
            Assert.Equal(expected, value.item<float>(), 5);
        }
    }

    [Fact]
    public void Non_saturating_generator_loss_is_minus_log_d_of_fake()
    {
        using var fake = torch.tensor(Fake);
        using var value = GanLosses.Generator(GanLoss.NonSaturating, fake);
        Assert.Equal(Fake.Average(f => Softplus(-f)), value.item<float>(), 5);
    }

    [Fact]
    public void Minimax_generator_loss_is_log_of_one_minus_d_of_fake()
    {
        using var fake = torch.tensor(Fake);
        using var value = GanLosses.Generator(GanLoss.Minimax, fake);
        // log(1 - s(f)) = -softplus(f): G minimises the value function's second term.
        Assert.Equal(Fake.Average(f => -Softplus(f)), value.item<float>(), 5);
    }

    [Fact]
    public void Losses_stay_finite_where_a_plain_sigmoid_would_saturate()
    {
        using var fake = torch.tensor(new[] { -80f, 80f });
        using var value = GanLosses.Generator(GanLoss.NonSaturating, fake);
        Assert.Equal((80 + 0) / 2.0, value.item<float>(), 3);
    }
}
