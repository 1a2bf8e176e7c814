using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>Observers run at each epoch end and cannot change the run, even when they draw random numbers and sample.</summary>
[Collection(SerialCollection.Name)]
public sealed class ObserverTests
{
    private static GanOptions Options() => new() { Seed = 17, Device = ComputeDevice.Cpu, GridSamples = 4 };

    private sealed class SamplingObserver : ITrainingObserver
    {
        private readonly Func<Tensor> _sample;
        public SamplingObserver(Func<Tensor> sample) => _sample = sample;
        public List<TrainingEpoch> Seen { get; } = new();

        public void EpochEnded(TrainingEpoch epoch)
        {
            Seen.Add(epoch);
            using var noise = torch.randn(100, 10);
            using var samples = _sample();
        }
    }

    [Fact]
    public void An_observer_sees_every_epoch_end_and_leaves_the_weights_of_the_run_unchanged()
    {
        using var data = TinyData.Create(48);
        using var plain = new TinyEmaGan(Options());
        plain.Fit(data, epochs: 3, batchSize: 16);

        using var observed = new TinyEmaGan(Options());
        var observer = new SamplingObserver(() => observed.Sample(32));
        observed.Observers.Add(observer);
        observed.Fit(data, epochs: 3, batchSize: 16);

        Assert.Equal(new[] { (1, 3L), (2, 6L), (3, 9L) }, observer.Seen.Select(e => (e.Epoch, e.Step)));
        Assert.All(observer.Seen, e => Assert.Null(e.RunFolder));
        foreach (var (a, b) in new[] { (plain.Generator as nn.Module, observed.Generator as nn.Module), (plain.Discriminator, observed.Discriminator), (plain.EmaGenerator!, observed.EmaGenerator!) })
            foreach (var ((name, x), (_, y)) in a.state_dict().Zip(b.state_dict()))
                Assert.True(x.equal(y).all().item<bool>(), $"{name} differs with an observer");
    }
}
