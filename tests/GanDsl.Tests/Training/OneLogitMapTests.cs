using System.Linq;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Training;

/// <summary>A discriminator whose output is (1, 1, 1) per sample gives one logit per sample, as (1) does: the losses
/// and D(x) average over every element, so the trainer needs no reshape.</summary>
[Collection(SerialCollection.Name)] // seeds TorchSharp's process-wide random generator
public class OneLogitMapTests
{
    [Fact]
    public void A_discriminator_ending_in_a_1x1_map_trains_a_step_and_samples()
    {
        Assert.Equal(new TensorShape(1, 1, 1), TinyOneLogitMapDiscriminator.OutputShape);
        using var gan = new TinyOneLogitMapGan(new GanOptions { Seed = 7, GridSamples = 4 });
        using var data = TinyData.Create(8);
        var before = gan.Discriminator.parameters().Select(p => p.clone()).ToList();

        var step = gan.TrainStep(data.Images);

        Assert.Equal(1, gan.Step);
        Assert.True(double.IsFinite(step.DLoss) && double.IsFinite(step.GLoss), $"losses {step.DLoss}, {step.GLoss}");
        Assert.InRange(step.DReal, 0.0, 1.0);
        Assert.InRange(step.DFake, 0.0, 1.0);
        Assert.Contains(gan.Discriminator.parameters().Zip(before), pair => !pair.First.allclose(pair.Second));
        foreach (var p in before) p.Dispose();

        using var logits = gan.Discriminator.call(data.Images);
        Assert.Equal(new long[] { 8, 1, 1, 1 }, logits.shape);
        using var images = gan.Sample(3);
        Assert.Equal(new long[] { 3, 1, 6, 6 }, images.shape);
    }
}
