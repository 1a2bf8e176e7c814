using System;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanDsl;

/// <summary>
/// The adversarial losses on the discriminator's raw outputs, each averaged over every element (so a patch map's
/// patches count alike). With s = sigmoid, the cross-entropy losses use BCE-with-logits numerics (no log(0) at
/// saturation): D minimises -[log s(real) + log(1 - s(fake))] under NonSaturating and Minimax; G minimises
/// -log s(fake) (NonSaturating) or log(1 - s(fake)) (Minimax). The other losses are written out on their enum values.
/// The <c>realTarget</c> of <see cref="Discriminator"/> is D's target for real samples (1, or less with
/// one-sided label smoothing) under the losses that have targets.
/// </summary>
public static class GanLosses
{
    public static Tensor Discriminator(GanLoss loss, Tensor realLogits, Tensor fakeLogits, double realTarget = 1.0)
    {
        switch (loss)
        {
            case GanLoss.NonSaturating or GanLoss.Minimax:
            {
                using var real = RealTargets(realLogits, realTarget);
                using var zeros = zeros_like(fakeLogits);
                return F.binary_cross_entropy_with_logits(realLogits, real) + F.binary_cross_entropy_with_logits(fakeLogits, zeros);
            }
            case GanLoss.LeastSquares:
            {
                using var target = realTarget.ToScalar();
                return (realLogits - target).square().mean().mul(Scalars.Half) + fakeLogits.square().mean().mul(Scalars.Half);
            }
            case GanLoss.Hinge:
                return F.relu(Scalars.One - realLogits).mean() + F.relu(Scalars.One + fakeLogits).mean();
            case GanLoss.Wasserstein or GanLoss.WassersteinGP:
                return fakeLogits.mean() - realLogits.mean();
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "not a GanLoss value");
        }
    }

    public static Tensor Generator(GanLoss loss, Tensor fakeLogits)
    {
        switch (loss)
        {
            case GanLoss.Minimax:
            {
                using var zeros = zeros_like(fakeLogits);
                return -F.binary_cross_entropy_with_logits(fakeLogits, zeros);
            }
            case GanLoss.NonSaturating:
            {
                using var ones = ones_like(fakeLogits);
                return F.binary_cross_entropy_with_logits(fakeLogits, ones);
            }
            case GanLoss.LeastSquares:
                return (fakeLogits - Scalars.One).square().mean().mul(Scalars.Half);
            case GanLoss.Hinge or GanLoss.Wasserstein or GanLoss.WassersteinGP:
                return -fakeLogits.mean();
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "not a GanLoss value");
        }
    }

    /// <summary>D's target for each real output: ones, or <paramref name="target"/> with label smoothing.</summary>
    private static Tensor RealTargets(Tensor realLogits, double target)
    {
        if (target == 1.0) return ones_like(realLogits);
        using var value = target.ToScalar();
        return full_like(realLogits, value);
    }

    /// <summary>True when D's output under <paramref name="loss"/> is a probability's logit (the cross-entropy
    /// losses), false when it is a score (a critic's, or a least-squares regression target).</summary>
    public static bool OutputsProbabilities(GanLoss loss) => loss is GanLoss.NonSaturating or GanLoss.Minimax;

    /// <summary>True for the losses with targets, where one-sided label smoothing applies.</summary>
    public static bool HasTargets(GanLoss loss) => loss is GanLoss.NonSaturating or GanLoss.Minimax or GanLoss.LeastSquares;
}
