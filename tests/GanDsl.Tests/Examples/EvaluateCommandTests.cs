using System;
using System.IO;
using System.Linq;
using System.Reflection;
using GanDsl.Evaluation;
using GanDsl.Examples;
using GanDsl.Examples.Models;
using GanDsl.Tests.Data;
using Xunit;

namespace GanDsl.Tests.Examples;

/// <summary>A (1, 28, 28) model the examples do not know by name.</summary>
[GanGenerator(LatentDim = 4)]
[Dense(28 * 28), Tanh]
[Reshape(1, 28, 28)]
public partial class UnlistedGenerator { }

[GanDiscriminator(1, 28, 28)]
[Flatten, Dense(1)]
public partial class UnlistedDiscriminator { }

[Gan(typeof(UnlistedGenerator), typeof(UnlistedDiscriminator))]
public partial class UnlistedFashionGan { }

/// <summary>The evaluate command end to end at a small sample count, and its errors.</summary>
[Collection(SerialCollection.Name)]   // swaps Console.Out/Error
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CapturedRun.Run(args);

    private string SavedCheckpoint<TGan>(Func<GanOptions, TGan> create, string run) where TGan : IDisposable
    {
        var path = Path.Combine(_folder, run, "checkpoints", "step-000000000.ckpt");
        using var gan = create(new GanOptions { Seed = 3 });
        switch (gan)
        {
            case FashionMlpGan g: g.Save(path); break;
            case CifarDcgan g: g.Save(path); break;
            case UnlistedFashionGan g: g.Save(path); break;
        }
        File.WriteAllText(Path.Combine(_folder, run, "checkpoints", "latest"), Path.GetFileName(path));
        return path;
    }

    [Fact]
    public void Evaluates_a_run_folder_prints_the_table_and_writes_eval_json()
    {
        SavedCheckpoint(o => new FashionMlpGan(o), "mlp");
        var run = Path.Combine(_folder, "mlp");

        var (code, output, error) = Run("evaluate", run, "--samples", "300", "--seed", "2", "--data", ShippedData.FashionMnistFolder());

        Assert.True(code == 0, error);
        Assert.Contains("300 generated images vs 300 real images", output);
        foreach (var row in new[] { "generated", "floor", "one-class", "mean-image", "gaussian-noise" })
            Assert.Contains(row, output);
        var report = EvaluationJson.Load(Path.Combine(run, EvaluationJson.FileName));
        Assert.Equal(300, report.Generated.Count);
        Assert.Equal(300, report.Reference.Count);
        Assert.Equal(4, report.ReferencePoints.Count);
        Assert.Equal(nameof(FashionMlpGan), report.Model!.Model);
        Assert.Equal(2, report.Model.SamplingSeed);
        Assert.EndsWith("step-000000000.ckpt", report.Model.Checkpoint);
        Assert.Equal(FashionClassifier.ShippedSha256, report.Classifier.Sha256);
    }

    [Fact]
    public void Every_fashion_mnist_model_of_the_examples_can_be_evaluated()
    {
        // A [Gan] added to the examples without an entry here trains, and then its evaluation fails at the end of a run.
        var fashionModels = typeof(ExampleProgram).Assembly.GetTypes()
            .Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(GanModel<,>))
            .Where(t => IsFashionShaped(t.BaseType!.GetGenericArguments()[0]))
            .Select(t => t.Name).OrderBy(n => n).ToList();
        Assert.Contains("FashionDcganHingeSn", fashionModels);
        Assert.DoesNotContain("ToyHingeGan", fashionModels);
        Assert.Equal(fashionModels, EvaluateCommand.Models.Keys.OrderBy(n => n));
    }

    private static bool IsFashionShaped(Type generator)
    {
        var shape = (TensorShape)generator.GetProperty(nameof(IGanNetwork.OutputShape), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return shape == new TensorShape(1, 28, 28);
    }

    [Fact]
    public void A_wrong_path_is_a_clear_error()
    {
        var missing = Path.Combine(_folder, "no-such-run");
        var (code, _, error) = Run("evaluate", missing);
        Assert.Equal(1, code);
        Assert.Contains($"{missing}: no such run folder or checkpoint file", error);

        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        (code, _, error) = Run("evaluate", empty);
        Assert.Equal(1, code);
        Assert.Contains("no checkpoint file or run folder", error);

        Assert.Equal(2, Run("evaluate").Code);
        Assert.Equal(2, Run("evaluate", empty, "--samples", "many").Code);
    }

    [Fact]
    public void A_model_whose_images_are_not_1_28_28_is_refused()
    {
        var checkpoint = SavedCheckpoint(o => new CifarDcgan(o), "cifar");
        var (code, _, error) = Run("evaluate", checkpoint);
        Assert.Equal(1, code);
        Assert.Contains("holds a CifarDcgan, which makes (3, 32, 32) images", error);
        Assert.Contains("(1, 28, 28)", error);
        Assert.False(File.Exists(Path.Combine(_folder, "cifar", EvaluationJson.FileName)));

        SavedCheckpoint(o => new UnlistedFashionGan(o), "unlisted");
        (code, _, error) = Run("evaluate", Path.Combine(_folder, "unlisted"));
        Assert.Equal(1, code);
        Assert.Contains("holds a UnlistedFashionGan; the examples can evaluate FashionMlpGan, FashionDcgan", error);
    }

    [Fact]
    public void Damaged_checkpoints_and_classifier_weights_are_refused()
    {
        var checkpoint = SavedCheckpoint(o => new FashionMlpGan(o), "damaged");
        var bytes = File.ReadAllBytes(checkpoint);

        var weights = Path.Combine(_folder, "classifier.weights");
        using (var classifier = FashionClassifier.LoadShipped()) classifier.Save(weights);
        var damaged = File.ReadAllBytes(weights);
        damaged[damaged.Length / 3] ^= 1;
        File.WriteAllBytes(weights, damaged);
        var (code, _, error) = Run("evaluate", checkpoint, "--classifier", weights, "--samples", "100");
        Assert.Equal(1, code);
        Assert.Contains($"Classifier weights '{weights}' cannot be loaded: its checksum does not match", error);

        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(checkpoint, bytes);
        (code, _, error) = Run("evaluate", checkpoint);
        Assert.Equal(1, code);
        Assert.Contains("checksum does not match", error);
        Assert.False(File.Exists(Path.Combine(_folder, "damaged", EvaluationJson.FileName)));
    }
}
