using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl.Benchmarks;

/// <summary>
/// The seed DCGAN trained as WGAN-GP, written by hand in TorchSharp as a careful user would: the same Sequential
/// networks as <see cref="HandwrittenDcgan"/>, Adam 1e-4 with betas (0.5, 0.9), five critic updates per generator
/// update, each on its own real batch, with the gradient penalty of per-sample interpolates (lambda 10) through
/// autograd.grad, then a generator update with the critic frozen; a dispose scope per step; the same scalars read back
/// as GanDsl reports (critic loss, mean scores, penalty, generator loss).
/// </summary>
internal sealed class HandwrittenWgangpTrainer : System.IDisposable
{
    private const int CriticSteps = 5;
    private const double Lambda = 10;
    private readonly Sequential _g = HandwrittenDcgan.Generator();
    private readonly Sequential _d = HandwrittenDcgan.Discriminator();
    private readonly optim.Optimizer _optG;
    private readonly optim.Optimizer _optD;

    public HandwrittenWgangpTrainer()
    {
        _optG = optim.Adam(_g.parameters(), 1e-4, 0.5, 0.9);
        _optD = optim.Adam(_d.parameters(), 1e-4, 0.5, 0.9);
    }

    /// <summary>One step: a critic update on each of the five batches, then one generator update.</summary>
    public void Step(Tensor[] realBatches)
    {
        using var scope = torch.NewDisposeScope();
        _g.train(); _d.train();
        long batch = 0;
        for (int i = 0; i < CriticSteps; i++)
        {
            var real = realBatches[i];
            batch = real.shape[0];
            Tensor fake;
            using (torch.no_grad()) fake = _g.call(torch.randn(batch, 100));
            var realScores = _d.call(real);
            var fakeScores = _d.call(fake);

            var alpha = torch.rand(batch, 1, 1, 1);
            var mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(true);
            var gradient = torch.autograd.grad(new[] { _d.call(mixed).sum() }, new[] { mixed }, retain_graph: true, create_graph: true)[0];
            var penalty = Lambda * (gradient.flatten(1).norm(1) - 1).square().mean();

            var loss = fakeScores.mean() - realScores.mean() + penalty;
            _optD.zero_grad(); loss.backward(); _optD.step();
            loss.item<float>();
            realScores.detach().mean().item<float>();
            fakeScores.detach().mean().item<float>();
            penalty.item<float>();
        }

        foreach (var p in _d.parameters()) p.requires_grad = false;
        var lossG = -_d.call(_g.call(torch.randn(batch, 100))).mean();
        _optG.zero_grad(); lossG.backward(); _optG.step();
        lossG.item<float>();
        foreach (var p in _d.parameters()) p.requires_grad = true;
    }

    public void Dispose()
    {
        _optG.Dispose(); _optD.Dispose(); _g.Dispose(); _d.Dispose();
    }
}
