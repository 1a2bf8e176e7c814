using System;
using System.IO;
using System.Linq;
using GanDsl.Examples;
using GanDsl.Tests.Data;
using SkiaSharp;
using Xunit;

namespace GanDsl.Tests.Examples;

/// <summary>The examples' command line end to end, on tiny budgets: what the README's run command does, in seconds.</summary>
[Collection(SerialCollection.Name)]
public sealed class ExampleProgramTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gandsl-examples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertRunFolder(string run, int epochs)
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
            Assert.True(File.Exists(Path.Combine(run, "samples", $"epoch-{epoch:D3}.png")), $"grid of epoch {epoch}");
        Assert.True(File.Exists(Path.Combine(run, "metrics.csv")));
        Assert.True(File.Exists(Path.Combine(run, "loss.png")));
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "latest")));
    }

    [Fact]
    public void Help_and_bad_arguments()
    {
        Assert.Equal(0, ExampleProgram.Run(new[] { "--help" }));
        Assert.Equal(2, ExampleProgram.Run(new[] { "no-such-example" }));
        Assert.Equal(2, ExampleProgram.Run(new[] { "fashion-mlp", "--epochs", "zero" }));
    }

    [Fact]
    public void Cifar_dcgan_without_an_image_folder_says_so_and_exits()
    {
        Assert.Equal(2, ExampleProgram.Run(new[] { "cifar-dcgan", "--out", Path.Combine(_folder, "none") }));
        Assert.False(Directory.Exists(Path.Combine(_folder, "none")));
    }

    [Fact]
    public void Fashion_mlp_trains_on_the_shipped_subset_and_resumes()
    {
        var run = Path.Combine(_folder, "mlp");
        string[] common = { "fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "256", "--batch-size", "64", "--out", run, "--cpu" };
        Assert.Equal(0, ExampleProgram.Run([.. common, "--epochs", "1"]));
        AssertRunFolder(run, 1);
        Assert.Equal(0, ExampleProgram.Run([.. common, "--epochs", "2", "--resume", run]));
        AssertRunFolder(run, 2);
        Assert.EndsWith("step-000000008.ckpt", File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim());
    }

    [Fact]
    public void Eval_every_writes_eval_csv_and_fid_png_and_says_the_last_fid()
    {
        var run = Path.Combine(_folder, "evaluated");
        var (code, output, _) = CapturedRun.Run("fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "128", "--epochs", "2",
            "--eval-every", "1", "--eval-samples", "200", "--out", run, "--cpu");
        Assert.Equal(0, code);
        Assert.Equal(new[] { 1, 2 }, GanDsl.Evaluation.EvaluationCsv.Read(Path.Combine(run, "eval.csv")).Select(r => r.Epoch));
        Assert.True(File.Exists(Path.Combine(run, "fid.png")));
        Assert.Matches(@"Evaluation: FID \d+\.\d\d after epoch 2 \(floor \d+\.\d\d, 2 evaluations\)", output);
        var (exit, error) = RunCapturingErrors("fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--eval-every", "1", "--eval-samples", "6000",
            "--out", Path.Combine(_folder, "too-many"), "--cpu");
        Assert.Equal(1, exit);
        Assert.Contains("at most 5000", error.Replace(",", ""));
    }

    [Fact]
    public void A_wall_clock_budget_stops_the_run_with_a_grid_and_a_checkpoint_and_says_why()
    {
        // 1,000 epochs of 2 steps would take minutes; a budget of 0.05 minutes (3 s) stops it after a few.
        var run = Path.Combine(_folder, "timed");
        var (code, output, _) = CapturedRun.Run("fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "128", "--epochs", "1000",
            "--max-minutes", "0.05", "--out", run, "--cpu");
        Assert.Equal(0, code);
        var summary = output.Split('\n').Single(l => l.StartsWith("Trained steps 0.."));
        Assert.Contains("stopped by the wall-clock budget (--max-minutes 0.05)", summary);
        long step = long.Parse(System.Text.RegularExpressions.Regex.Match(summary, @"0\.\.(\d+)").Groups[1].Value);
        Assert.InRange(step, 1, 1999);
        Assert.EndsWith($"step-{step:D9}.ckpt", File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim());
        // The last step's grid: samples/step-N.png, or the epoch's grid when the budget ran out at an epoch's end.
        string grid = output.Split('\n').Single(l => l.StartsWith("Last grid:")).Substring("Last grid:".Length).Trim();
        Assert.True(File.Exists(grid), grid);
        Assert.True(grid.EndsWith($"step-{step:D9}.png") || (step % 2 == 0 && grid.EndsWith($"epoch-{step / 2:D3}.png")), grid);
    }

    [Fact]
    public void The_dcgan_loss_variants_are_examples()
    {
        foreach (var example in new[] { "dcgan-wgangp", "dcgan-hinge-sn" })
        {
            var run = Path.Combine(_folder, example);
            var (code, output, error) = CapturedRun.Run(example, "--data", ShippedData.FashionMnistFolder(), "--limit", "64", "--batch-size", "32",
                "--max-steps", "1", "--out", run, "--cpu");
            Assert.True(code == 0, error);
            Assert.Contains("Trained steps 0..1 of a budget of 1 steps", output);
            // A critic's columns (scores, not probabilities), with the penalty for WGAN-GP only.
            string header = File.ReadLines(Path.Combine(run, "metrics.csv")).First();
            Assert.Contains("critic_real,critic_fake", header);
            Assert.Equal(example == "dcgan-wgangp", header.Contains(",gp,"));
            Assert.Contains(example, ExampleArguments.Usage);
        }
    }

    /// <summary>Runs the examples' entry point with standard error captured.</summary>
    private static (int Exit, string Error) RunCapturingErrors(params string[] args)
    {
        var (code, _, error) = CapturedRun.Run(args);
        return (code, error);
    }

    [Fact]
    public void A_batch_larger_than_the_data_names_the_command_line_option()
    {
        var (exit, error) = RunCapturingErrors("fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "256",
            "--batch-size", "100000", "--out", Path.Combine(_folder, "big"), "--cpu");
        Assert.Equal(2, exit);
        Assert.Contains("--batch-size 100000", error);
        Assert.Contains("256", error);
        Assert.DoesNotContain("GanOptions", error);
        Assert.DoesNotContain("(Parameter", error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "big")));
    }

    [Fact]
    public void A_fresh_run_into_a_used_folder_is_refused_and_suggests_resume()
    {
        var run = Path.Combine(_folder, "used");
        string[] common = { "fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "128", "--out", run, "--cpu" };
        Assert.Equal(0, ExampleProgram.Run([.. common, "--max-steps", "2"]));
        var latest = File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim();

        var (exit, error) = RunCapturingErrors([.. common, "--max-steps", "1"]);

        Assert.Equal(1, exit);
        Assert.Contains($"--resume {run}", error);
        Assert.Contains("--out", error);
        Assert.Equal(latest, File.ReadAllText(Path.Combine(run, "checkpoints", "latest")).Trim());
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", latest)));
    }

    [Fact]
    public void Without_out_a_new_run_gets_the_first_free_numbered_folder()
    {
        var runs = Path.Combine(_folder, "runs");
        Assert.Equal(Path.Combine(runs, "fashion-mlp"), ExampleRunner.DefaultOutput(runs, "fashion-mlp"));
        Directory.CreateDirectory(Path.Combine(runs, "fashion-mlp", "checkpoints"));
        File.WriteAllText(Path.Combine(runs, "fashion-mlp", "checkpoints", "latest"), "step-000000001.ckpt");
        Assert.Equal(Path.Combine(runs, "fashion-mlp-2"), ExampleRunner.DefaultOutput(runs, "fashion-mlp"));
    }

    [Fact]
    public void The_summary_names_only_files_that_exist()
    {
        var run = Path.Combine(_folder, "zero");
        Assert.Equal(0, ExampleProgram.Run(new[] { "fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "64", "--max-steps", "0", "--out", run, "--cpu" }));
        var summary = string.Join("\n", RunSummary.Lines(new TrainingRun(run, 0, 0, 0, default, 0, null), maxSteps: 0));
        Assert.DoesNotContain("loss.png", summary);
        Assert.DoesNotContain("Checkpoint:", summary);
        Assert.Contains("budget of 0 steps", summary);

        var trained = Path.Combine(_folder, "two");
        Assert.Equal(0, ExampleProgram.Run(new[] { "fashion-mlp", "--data", ShippedData.FashionMnistFolder(), "--limit", "64", "--batch-size", "16", "--max-steps", "2", "--out", trained, "--cpu" }));
        var ckpt = Path.Combine(trained, "checkpoints", "step-000000002.ckpt");
        var grid = Path.Combine(trained, "samples", "step-000000002.png");
        var lines = string.Join("\n", RunSummary.Lines(new TrainingRun(trained, 0, 2, 0, default, 1, ckpt, grid), maxSteps: 2));
        Assert.Contains(Path.Combine(trained, "loss.png"), lines);
        Assert.Contains(grid, lines);
        Assert.Contains(ckpt, lines);
    }

    [Fact]
    public void Dcgan_trains_one_tiny_epoch()
    {
        var run = Path.Combine(_folder, "dcgan");
        Assert.Equal(0, ExampleProgram.Run(new[] { "dcgan", "--data", ShippedData.FashionMnistFolder(), "--limit", "32", "--batch-size", "16", "--epochs", "1", "--out", run, "--cpu" }));
        AssertRunFolder(run, 1);
    }

    [Theory]
    [InlineData("cgan")]
    [InlineData("cdcgan")]
    [InlineData("cdcgan-decay")]
    [InlineData("cdcgan-cbn")]
    [InlineData("cdcgan-ac")]
    [InlineData("cdcgan-ms")]
    [InlineData("cdcgan-up")]
    [InlineData("cdcgan-up-ms")]
    public void Conditional_examples_train_on_images_and_labels_with_one_grid_row_per_class(string example)
    {
        var run = Path.Combine(_folder, example);
        Assert.Equal(0, ExampleProgram.Run(new[] { example, "--data", ShippedData.FashionMnistFolder(), "--limit", "32", "--batch-size", "16", "--epochs", "1", "--out", run, "--cpu" }));
        AssertRunFolder(run, 1);
        // The default 64 grid samples over 10 classes: 10 rows of 6 images of 28 x 28, not a square grid of 8 x 8.
        using var picture = SkiaSharp.SKBitmap.Decode(Path.Combine(run, "samples", "epoch-001.png"));
        using var rows = TorchSharp.torch.zeros(60, 1, 28, 28);
        using var expected = SkiaSharp.SKBitmap.Decode(GanDsl.Output.SampleGrid.Render(rows, columns: 6));
        Assert.Equal((expected.Width, expected.Height), (picture.Width, picture.Height));
    }

    [Fact]
    public void Cifar_dcgan_trains_on_a_folder_of_pictures()
    {
        var images = Directory.CreateDirectory(Path.Combine(_folder, "pictures")).FullName;
        var random = new Random(3);
        for (int i = 0; i < 8; i++)
        {
            using var bitmap = new SKBitmap(40, 24);
            bitmap.Erase(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var data = bitmap.Encode(i % 2 == 0 ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 90);
            File.WriteAllBytes(Path.Combine(images, i % 2 == 0 ? $"p{i}.png" : $"p{i}.jpg"), data.ToArray());
        }
        File.WriteAllText(Path.Combine(images, "notes.txt"), "not a picture: ignored");

        var run = Path.Combine(_folder, "cifar");
        Assert.Equal(0, ExampleProgram.Run(new[] { "cifar-dcgan", "--images", images, "--batch-size", "4", "--epochs", "1", "--out", run, "--cpu" }));
        AssertRunFolder(run, 1);
    }

    [Fact]
    public void A_broken_picture_is_a_clear_error_not_a_crash()
    {
        var images = Directory.CreateDirectory(Path.Combine(_folder, "broken")).FullName;
        File.WriteAllBytes(Path.Combine(images, "bad.png"), new byte[] { 1, 2, 3 });
        Assert.Equal(1, ExampleProgram.Run(new[] { "cifar-dcgan", "--images", images, "--out", Path.Combine(_folder, "x"), "--cpu" }));
    }
}
