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

/// <summary>The losses added with the objectives (#10) and one-sided label smoothing, against their definitions.</summary>
public class LossFamilyTests
{
    private static readonly float[] Real = { 0f, 2f, -0.5f };
    private static readonly float[] Fake = { -1f, 0.5f, 3f };

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    private static double D(GanLoss loss, double realTarget = 1.0)
    {
        using var real = torch.tensor(Real);
        using var fake = torch.tensor(Fake);
        using var value = GanLosses.Discriminator(loss, real, fake, realTarget);
        return value.item<float>();
    }

    private static double G(GanLoss loss)
    {
        using var fake = torch.tensor(Fake);
        using var value = GanLosses.Generator(loss, fake);
        return value.item<float>();
    }

    [Fact]
    public void Hinge_is_relu_of_one_minus_real_plus_relu_of_one_plus_fake_and_g_maximises_the_fake_score()
    {
        Assert.Equal(Real.Average(r => Math.Max(0, 1 - r)) + Fake.Average(f => Math.Max(0, 1 + f)), D(GanLoss.Hinge), 5);
        Assert.Equal(-Fake.Average(f => (double)f), G(GanLoss.Hinge), 5);
    }

    [Fact]
    public void Least_squares_has_targets_zero_one_one_with_halves()
    {
        Assert.Equal(0.5 * Real.Average(r => (r - 1.0) * (r - 1.0)) + 0.5 * Fake.Average(f => (double)f * f), D(GanLoss.LeastSquares), 5);
        Assert.Equal(0.5 * Fake.Average(f => (f - 1.0) * (f - 1.0)), G(GanLoss.LeastSquares), 5);
    }

    [Fact]
    public void Wasserstein_critic_minimises_fake_minus_real_and_both_wasserstein_losses_agree()
    {
        double expected = Fake.Average(f => (double)f) - Real.Average(r => (double)r);
        Assert.Equal(expected, D(GanLoss.Wasserstein), 5);
        Assert.Equal(expected, D(GanLoss.WassersteinGP), 5);
        Assert.Equal(-Fake.Average(f => (double)f), G(GanLoss.Wasserstein), 5);
        Assert.Equal(-Fake.Average(f => (double)f), G(GanLoss.WassersteinGP), 5);
    }

    [Fact]
    public void Label_smoothing_moves_only_the_real_target()
    {
        // BCE with target t on logit r: -(t log s(r) + (1 - t) log(1 - s(r))) = t softplus(-r) + (1 - t) softplus(r).
        double smoothed = Real.Average(r => 0.9 * Softplus(-r) + 0.1 * Softplus(r)) + Fake.Average(f => Softplus(f));
        Assert.Equal(smoothed, D(GanLoss.NonSaturating, realTarget: 0.9), 5);
        Assert.Equal(0.5 * Real.Average(r => (r - 0.9) * (r - 0.9)) + 0.5 * Fake.Average(f => (double)f * f), D(GanLoss.LeastSquares, realTarget: 0.9), 5);
        Assert.NotEqual(D(GanLoss.NonSaturating), D(GanLoss.NonSaturating, realTarget: 0.9), 3);
    }
}
