using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanDsl.Benchmarks;

// The seed DCGAN written by hand in TorchSharp, as a careful user would without GanDsl:
// Sequential stacks, the same layers and arguments, Adam, BCE-with-logits, a dispose scope per step.

internal static class HandwrittenDcgan
{
    public static Sequential Generator() => nn.Sequential(
        nn.Linear(100, 7 * 7 * 256, hasBias: false),
        nn.BatchNorm1d(7 * 7 * 256),
        nn.LeakyReLU(0.3),
        nn.Unflatten(1, new long[] { 256, 7, 7 }),
        nn.ConvTranspose2d(256, 128, kernel_size: 5, stride: 1, padding: 2, output_padding: 0, bias: false),
        nn.BatchNorm2d(128),
        nn.LeakyReLU(0.3),
        nn.ConvTranspose2d(128, 64, kernel_size: 5, stride: 2, padding: 2, output_padding: 1, bias: false),
        nn.BatchNorm2d(64),
        nn.LeakyReLU(0.3),
        nn.ConvTranspose2d(64, 1, kernel_size: 5, stride: 2, padding: 2, output_padding: 1, bias: false),
        nn.Tanh());

    public static Sequential Discriminator() => nn.Sequential(
        nn.Conv2d(1, 64, kernel_size: 5, stride: 2, padding: 2),
        nn.LeakyReLU(0.3),
        nn.Dropout(0.3),
        nn.Conv2d(64, 128, kernel_size: 5, stride: 2, padding: 2),
        nn.LeakyReLU(0.3),
        nn.Dropout(0.3),
        nn.Flatten(),
        nn.Linear(128 * 7 * 7, 1));
}

/// <summary>The hand-written training step: D on real + fake (G detached), then G against D with D frozen.</summary>
internal sealed class HandwrittenTrainer : System.IDisposable
{
    private readonly Sequential _g = HandwrittenDcgan.Generator();
    private readonly Sequential _d = HandwrittenDcgan.Discriminator();
    private readonly optim.Optimizer _optG;
    private readonly optim.Optimizer _optD;

    public HandwrittenTrainer()
    {
        _optG = optim.Adam(_g.parameters(), 1e-4, 0.5, 0.999);
        _optD = optim.Adam(_d.parameters(), 1e-4, 0.5, 0.999);
    }

    public void Step(Tensor real)
    {
        using var scope = torch.NewDisposeScope();
        long batch = real.shape[0];
        _g.train(); _d.train();
        Tensor fake;
        using (torch.no_grad()) fake = _g.call(torch.randn(batch, 100));
        var realLogits = _d.call(real);
        var fakeLogits = _d.call(fake);
        var lossD = F.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
                    + F.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits));
        _optD.zero_grad(); lossD.backward(); _optD.step();
        // The same scalars GanDsl reports: losses, D(x), D(G(z)).
        lossD.item<float>();
        realLogits.detach().sigmoid().mean().item<float>();
        fakeLogits.detach().sigmoid().mean().item<float>();

        foreach (var p in _d.parameters()) p.requires_grad = false;
        var logits = _d.call(_g.call(torch.randn(batch, 100)));
        var lossG = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits));
        _optG.zero_grad(); lossG.backward(); _optG.step();
        lossG.item<float>();
        foreach (var p in _d.parameters()) p.requires_grad = true;
    }

    public void Dispose()
    {
        _optG.Dispose(); _optD.Dispose(); _g.Dispose(); _d.Dispose();
    }
}
