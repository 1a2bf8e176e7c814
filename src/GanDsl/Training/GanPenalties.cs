using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>
/// Gradient penalties on the discriminator, unweighted (the caller multiplies by lambda or gamma / 2). Both take the
/// gradient of D's summed output with respect to its input through <c>autograd.grad</c> with
/// <c>create_graph: true</c>, so the penalty's own gradient reaches D's weights when D's loss is backpropagated;
/// TorchSharp needs <c>retain_graph: true</c> with it.
/// </summary>
public static class GanPenalties
{
    /// <summary>WGAN-GP's term: mean over the batch of (||grad_x^ D(x^)||_2 - 1)^2, x^ = a x + (1 - a) x~ with one
    /// a ~ U(0, 1) per sample, the norm over all non-batch dimensions. <paramref name="real"/> and
    /// <paramref name="fake"/> are (B, ...) batches of the same shape, without gradients of their own.</summary>
    public static Tensor Gradient(Func<Tensor, Tensor> discriminator, Tensor real, Tensor fake)
    {
        if (!real.shape.AsSpan().SequenceEqual(fake.shape))
            throw new ArgumentException($"real ({string.Join(", ", real.shape)}) and generated ({string.Join(", ", fake.shape)}) batches must have one shape");
        var alphaShape = new long[real.dim()];
        Array.Fill(alphaShape, 1L);
        alphaShape[0] = real.shape[0];
        var alpha = torch.rand(alphaShape, dtype: real.dtype, device: real.device);
        var interpolates = (alpha * real.detach() + (Scalars.One - alpha) * fake.detach()).requires_grad_(true);
        var output = discriminator(interpolates);
        var gradient = GradientOf(output, interpolates);
        var norms = gradient.flatten(1).norm(1);
        return (norms - Scalars.One).square().mean();
    }

    /// <summary>R1's term: mean over the batch of ||grad_x D(x)||^2 on real samples. <paramref name="realInput"/>
    /// must require gradients and <paramref name="realOutput"/> be D's output on it (the forward of D's loss is
    /// reused).</summary>
    public static Tensor R1(Tensor realOutput, Tensor realInput)
    {
        if (!realInput.requires_grad)
            throw new ArgumentException("the real input must require gradients (x.requires_grad_(true)) before D's forward", nameof(realInput));
        var gradient = GradientOf(realOutput, realInput);
        return gradient.square().flatten(1).sum(1).mean();
    }

    private static Tensor GradientOf(Tensor output, Tensor input) =>
        torch.autograd.grad(new[] { output.sum() }, new[] { input }, retain_graph: true, create_graph: true)[0];
}
