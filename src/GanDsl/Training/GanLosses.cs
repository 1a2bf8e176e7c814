using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanDsl;

/// <summary>
/// The adversarial losses, all on discriminator logits with BCE-with-logits numerics (no log(0) at saturation).
/// With s = sigmoid: D minimises -[log s(real) + log(1 - s(fake))] under both losses.
/// G minimises -log s(fake) (NonSaturating) or log(1 - s(fake)) (Minimax, the original value function).
/// Patch-map logits are averaged over every element.
/// </summary>
public static class GanLosses
{
    public static Tensor Discriminator(GanLoss loss, Tensor realLogits, Tensor fakeLogits)
    {
        using var ones = ones_like(realLogits);
        using var zeros = zeros_like(fakeLogits);
        return F.binary_cross_entropy_with_logits(realLogits, ones) + F.binary_cross_entropy_with_logits(fakeLogits, zeros);
    }

    public static Tensor Generator(GanLoss loss, Tensor fakeLogits)
    {
        if (loss == GanLoss.Minimax)
        {
            using var zeros = zeros_like(fakeLogits);
            return -F.binary_cross_entropy_with_logits(fakeLogits, zeros);
        }
        using var ones = ones_like(fakeLogits);
        return F.binary_cross_entropy_with_logits(fakeLogits, ones);
    }
}
