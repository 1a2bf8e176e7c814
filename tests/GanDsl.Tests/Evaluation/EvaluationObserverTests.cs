using System;
using System.IO;
using System.Linq;
using GanDsl.Data;
using GanDsl.Evaluation;
using GanDsl.Examples.Models;
using GanDsl.Tests.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Evaluation;

/// <summary>Evaluation during training (--eval-every): rows per epoch, eval.csv and fid.png, resume, and the promise
/// that it does not change the run.</summary>
[Collection(SerialCollection.Name)]
public sealed class EvaluationObserverTests : IClassFixture<EvaluationObserverTests.Shared>, IDisposable
{
    public sealed class Shared : IDisposable
    {
        public Evaluator Evaluator { get; } = Evaluator.CreateDefault(new EvaluationSettings { SampleCount = 200, KidSubsets = 10, Seed = 1 }, ShippedData.FashionMnistFolder());
        public ImageDataset Data { get; }

        public Shared()
        {
            using var t10k = FashionMnist.Load(ShippedData.FashionMnistFolder(), train: false);
            Data = t10k.Take(128);
        }

        public void Dispose()
        {
            Evaluator.Dispose();
            Data.Dispose();
        }
    }

    private readonly Shared _shared;
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-eval-every-").FullName;

    public EvaluationObserverTests(Shared shared) => _shared = shared;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Parameters and buffers (BatchNorm's running statistics too: sampling in train mode would move them).</summary>
    private static Tensor[] Weights(FashionDcgan gan) =>
        gan.Generator.state_dict().Values.Concat(gan.Discriminator.state_dict().Values).Select(p => p.detach().clone()).ToArray();

    [Fact]
    public void Evaluating_every_epoch_leaves_the_weights_bit_identical_and_writes_a_row_per_evaluation()
    {
        // DCGAN: G has BatchNorm, so an evaluation that left G in eval mode (or drew training's noise) would show.
        Tensor[] plain, observed;
        using (var gan = new FashionDcgan(new GanOptions { Seed = 5 }))
        {
            gan.Fit(_shared.Data, epochs: 3, batchSize: 64);
            plain = Weights(gan);
        }
        string run = Path.Combine(_folder, "observed");
        using (var gan = new FashionDcgan(new GanOptions { Seed = 5 }))
        {
            var observer = new EvaluationObserver<DcganGenerator, DcganDiscriminator>(gan, _shared.Evaluator, everyEpochs: 1, samplingSeed: 3);
            gan.Observers.Add(observer);
            gan.Fit(_shared.Data, epochs: 3, batchSize: 64, output: run);
            observed = Weights(gan);
            Assert.Equal(new[] { 1, 2, 3 }, observer.Rows.Select(r => r.Epoch));
            Assert.Equal(new long[] { 2, 4, 6 }, observer.Rows.Select(r => r.Step));
            Assert.All(observer.Rows, r => Assert.True(r.Fid > observer.FloorFid && double.IsFinite(r.KidMean) && r.ClassesCovered is >= 0 and <= 10, r.ToString()));
            Assert.Equal(observer.Rows, EvaluationCsv.Read(Path.Combine(run, "eval.csv")));
        }
        Assert.Equal(plain.Length, observed.Length);
        for (int i = 0; i < plain.Length; i++)
            Assert.True(plain[i].eq(observed[i]).all().item<bool>(), $"weight or buffer {i} differs with evaluation on");
        var png = File.ReadAllBytes(Path.Combine(run, "fid.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Every_n_epochs_only_and_a_resumed_run_replaces_rows_past_its_checkpoint()
    {
        string run = Path.Combine(_folder, "resumed");
        using (var gan = new FashionMlpGan(new GanOptions { Seed = 6 }))
        {
            gan.Observers.Add(new EvaluationObserver<MlpGenerator, MlpDiscriminator>(gan, _shared.Evaluator, everyEpochs: 2));
            gan.Fit(_shared.Data, epochs: 4, batchSize: 64, output: run);
        }
        Assert.Equal(new[] { 2, 4 }, EvaluationCsv.Read(Path.Combine(run, "eval.csv")).Select(r => r.Epoch));

        // Resumed from the end of epoch 4 and trained to 6: rows 2, 4, 6, each once.
        using (var gan = new FashionMlpGan(new GanOptions { Seed = 6 }))
        {
            gan.Observers.Add(new EvaluationObserver<MlpGenerator, MlpDiscriminator>(gan, _shared.Evaluator, everyEpochs: 2));
            gan.Fit(_shared.Data, epochs: 6, batchSize: 64, output: run, resumeFrom: run);
        }
        var rows = EvaluationCsv.Read(Path.Combine(run, "eval.csv"));
        Assert.Equal(new[] { 2, 4, 6 }, rows.Select(r => r.Epoch));

        // A row for a step that is already there (a run resumed from an earlier checkpoint) replaces it and drops later ones.
        var again = rows[1] with { Fid = 1.5 };
        var kept = EvaluationCsv.Append(Path.Combine(run, "eval.csv"), again);
        Assert.Equal(new[] { rows[0], again }, kept);
        Assert.Equal(kept, EvaluationCsv.Read(Path.Combine(run, "eval.csv")));
    }

    [Fact]
    public void A_conditional_pair_is_evaluated_class_by_class_with_its_accuracy_per_class()
    {
        using var gan = new FashionCgan(new GanOptions { Seed = 4 });
        var report = _shared.Evaluator.Evaluate(gan, seed: 2);
        var accuracy = report.Generated.ConditionalAccuracy;
        Assert.NotNull(accuracy);
        Assert.Equal(Enumerable.Repeat(20L, 10), accuracy!.SamplesPerClass);   // 200 samples, classes in turn
        Assert.Equal(10, accuracy.PerClass.Length);
        Assert.InRange(accuracy.Accuracy, 0, 1);
        Assert.Equal(accuracy.PerClass.Average(), accuracy.Accuracy, 9);   // equal class shares: overall = mean of per-class

        string run = Path.Combine(_folder, "conditional");
        var observer = new EvaluationObserver<CganGenerator, CganDiscriminator>(gan, _shared.Evaluator, everyEpochs: 1);
        gan.Observers.Add(observer);
        gan.Fit(_shared.Data, epochs: 1, batchSize: 64, output: run);
        var row = Assert.Single(EvaluationCsv.Read(Path.Combine(run, "eval.csv")));
        Assert.InRange(row.ClassAccuracy, 0, 1);
        Assert.Equal(observer.Rows[0], row);

        using var mlp = new FashionMlpGan(new GanOptions { Seed = 4 });
        Assert.Null(_shared.Evaluator.Evaluate(mlp).Generated.ConditionalAccuracy);
    }

    [Fact]
    public void Wrong_models_arguments_and_damaged_files_are_refused_clearly()
    {
        using var cifar = new CifarDcgan(new GanOptions { Seed = 1 });
        Assert.Contains("(3, 32, 32)", Assert.Throws<ArgumentException>(() => new EvaluationObserver<CifarGenerator, CifarDiscriminator>(cifar, _shared.Evaluator, 1)).Message);
        using var mlp = new FashionMlpGan(new GanOptions { Seed = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationObserver<MlpGenerator, MlpDiscriminator>(mlp, _shared.Evaluator, 0));

        string bad = Path.Combine(_folder, "eval.csv");
        File.WriteAllText(bad, EvaluationRow.Header + "\n1,2,nope\n");
        Assert.Contains("eval.csv(2)", Assert.Throws<InvalidDataException>(() => EvaluationCsv.Read(bad)).Message);
        File.WriteAllText(bad, "step,loss\n");
        Assert.Contains("not an eval.csv", Assert.Throws<InvalidDataException>(() => EvaluationCsv.Read(bad)).Message);
    }
}
