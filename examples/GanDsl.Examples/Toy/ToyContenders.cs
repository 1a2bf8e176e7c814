using System;
using System.Collections.Generic;
using System.Linq;
using GanDsl.Data;
using GanDsl.Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Examples.Toy;

/// <summary>A toy GAN whatever its network types: what the toy runner needs from a GanModel.</summary>
internal interface IToyGan : IDisposable
{
    GanDefinition Definition { get; }
    TrainingRun Fit(ImageDataset data, int epochs, int batchSize, string? output, IProgress<TrainingProgress>? progress, long maxSteps);
    Tensor Sample(int n, long noiseSeed);
}

/// <summary>The toy [Gan]s by name: one per loss (its name is the GanLoss's) and one per option on the non-saturating
/// loss, plus "Hinge+SN" (spectral norm on D); toy-table runs them by name.</summary>
internal static class ToyContenders
{
    private sealed class Wrapped<TG, TD> : IToyGan
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator
    {
        private readonly GanModel<TG, TD> _gan;
        public Wrapped(GanModel<TG, TD> gan) => _gan = gan;
        public GanDefinition Definition => _gan.Definition;
        public TrainingRun Fit(ImageDataset data, int epochs, int batchSize, string? output, IProgress<TrainingProgress>? progress, long maxSteps) =>
            _gan.Fit(data, epochs, batchSize, output, progress, maxSteps);
        public Tensor Sample(int n, long noiseSeed) => _gan.Sample(n, noiseSeed);
        public void Dispose() => _gan.Dispose();
    }

    private static IToyGan Wrap<TG, TD>(GanModel<TG, TD> gan)
        where TG : nn.Module<Tensor, Tensor>, IGanGenerator
        where TD : nn.Module<Tensor, Tensor>, IGanDiscriminator => new Wrapped<TG, TD>(gan);

    /// <summary>Name, what it is, and how to make it.</summary>
    public static readonly IReadOnlyList<(string Name, string Description, Func<GanOptions, IToyGan> Create)> All = new (string, string, Func<GanOptions, IToyGan>)[]
    {
        (nameof(GanLoss.NonSaturating), "non-saturating loss, Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyNonSaturatingGan(o))),
        (nameof(GanLoss.Minimax), "minimax loss, Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyMinimaxGan(o))),
        (nameof(GanLoss.Wasserstein), "WGAN: RMSprop 1e-3, clip 0.01, 5 critic steps", o => Wrap(new ToyWassersteinGan(o))),
        (nameof(GanLoss.WassersteinGP), "WGAN-GP: Adam 5e-4 (0.5, 0.9), lambda 0.1 (the WGAN-GP paper's toy value), 5 critic steps", o => Wrap(new ToyWassersteinGpGan(o))),
        ("WassersteinGP+lambda10", "WGAN-GP with the image default lambda 10: Adam 5e-4 (0.5, 0.9), 5 critic steps", o => Wrap(new ToyWassersteinGpLambda10Gan(o))),
        (nameof(GanLoss.Hinge), "hinge loss, Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyHingeGan(o))),
        ("Hinge+SN", "hinge loss, spectral norm on every layer of D, Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyHingeSpectralNormGan(o))),
        ("Hinge+SN/5", "Hinge+SN with SNGAN's 5 critic steps: Adam 1e-3 (0.5, 0.9)", o => Wrap(new ToyHingeSpectralNormFiveStepsGan(o))),
        ("Hinge+SN-hidden", "hinge loss, spectral norm on the hidden layers of D only, Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyHingeSpectralNormHiddenGan(o))),
        (nameof(GanLoss.LeastSquares), "least squares (0/1/1), Adam 1e-3 (0.5, 0.999)", o => Wrap(new ToyLeastSquaresGan(o))),
        ("NonSaturating+EMA", "non-saturating, samples from a moving average of G (decay 0.999)", o => Wrap(new ToyEmaGan(o))),
        ("NonSaturating+TTUR", "non-saturating, G 5e-4 and D 2e-3", o => Wrap(new ToyTturGan(o))),
        ("NonSaturating+R1", "non-saturating with an R1 penalty (gamma 0.1)", o => Wrap(new ToyR1Gan(o))),
        ("NonSaturating+LabelSmoothing", "non-saturating, real target 0.9", o => Wrap(new ToyLabelSmoothingGan(o))),
        ("NonSaturating+decay", "non-saturating, both rates falling linearly to 0 over the run (LearningRateDecay = 1)", o => Wrap(new ToyDecayGan(o))),
        ("Hinge+decay", "hinge loss, both rates falling linearly to 0 over the run (LearningRateDecay = 1)", o => Wrap(new ToyHingeDecayGan(o))),
        ("WassersteinGP+decay", "WGAN-GP (lambda 0.1), both rates falling linearly to 0 over the run (LearningRateDecay = 1)", o => Wrap(new ToyWassersteinGpDecayGan(o))),
    };

    public static string Names => string.Join(", ", All.Select(c => c.Name));

    public static (string Name, string Description, Func<GanOptions, IToyGan> Create) Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
            ? found
            : throw new ArgumentException($"unknown toy GAN '{name}'; one of {Names}");
}
