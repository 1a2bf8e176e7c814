using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Training;

/// <summary>Each option of the adversarial objective does what it says, checked by hand on a linear critic.</summary>
[Collection(SerialCollection.Name)]
public sealed class ObjectiveTests
{
    private static GanOptions Options(long seed = 7) => new() { Seed = seed, Device = ComputeDevice.Cpu, GridSamples = 4 };

    private static Tensor RealBatch(int n = 8, int seed = 3) => torch.randn(new long[] { n, 3 }, generator: new torch.Generator((ulong)seed)) + 2;

    private static double Norm(float[] w) => Math.Sqrt(w.Sum(x => (double)x * x));

    [Fact]
    public void Unset_options_are_the_runtime_recipe_of_each_loss()
    {
        var declarations = new[]
        {
            RecipeNonSaturating.Declaration, RecipeMinimax.Declaration, RecipeWasserstein.Declaration,
            RecipeWassersteinGP.Declaration, RecipeHinge.Declaration, RecipeLeastSquares.Declaration,
        };
        Assert.Equal(Enum.GetValues<GanLoss>(), declarations.Select(d => d.Loss));
        foreach (var d in declarations)
        {
            var recipe = GanRecipe.For(d.Loss);
            Assert.Equal(recipe, new GanRecipe(d.Optimizer, d.LearningRate, d.Beta1, d.Beta2, d.DiscriminatorSteps, d.ClipValue, d.GradientPenalty));
            Assert.Equal(d.LearningRate, d.GeneratorLearningRate);
            Assert.Equal(d.LearningRate, d.DiscriminatorLearningRate);
            Assert.Equal((0.0, 0.0, 0.0), (d.R1Penalty, d.LabelSmoothing, d.EmaDecay));
        }
        Assert.Equal(GanOptimizer.RmsProp, RecipeWasserstein.Optimizer);
        Assert.Equal(5e-5, RecipeWasserstein.LearningRate);
        Assert.Equal(0.01, RecipeWasserstein.ClipValue);
        Assert.Equal((1e-4, 0.5, 0.9, 10.0, 5), (RecipeWassersteinGP.LearningRate, RecipeWassersteinGP.Beta1, RecipeWassersteinGP.Beta2, RecipeWassersteinGP.GradientPenalty, RecipeWassersteinGP.DiscriminatorSteps));
    }

    [Fact]
    public void A_wgan_gp_critic_update_adds_lambda_times_the_closed_form_penalty_to_the_wasserstein_loss()
    {
        using var gan = new RecipeWassersteinGP(Options());
        using var real = RealBatch();
        var w = FirstWeights.Of(gan.Discriminator);

        var (loss, criticReal, criticFake) = gan.DiscriminatorStep(real);

        // DReal and DFake are the critic's mean scores (not probabilities); the rest of the loss is the penalty.
        Assert.Equal(10 * Math.Pow(Norm(w) - 1, 2), loss - (criticFake - criticReal), 4);
        Assert.NotEqual(w, FirstWeights.Of(gan.Discriminator));
    }

    [Fact]
    public void Clipping_bounds_every_critic_weight_after_a_step_and_leaves_the_generator_alone()
    {
        using var gan = new RecipeWasserstein(Options());
        Assert.Contains(gan.Discriminator.parameters().SelectMany(p => p.data<float>().ToArray()), v => Math.Abs(v) > 0.01);
        var batches = Enumerable.Range(0, 5).Select(i => RealBatch(seed: i)).ToList();

        gan.TrainStep(batches);

        Assert.All(gan.Discriminator.parameters().SelectMany(p => p.data<float>().ToArray()), v => Assert.InRange(v, -0.01f, 0.01f));
        Assert.Contains(gan.Generator.parameters().SelectMany(p => p.data<float>().ToArray()), v => Math.Abs(v) > 0.01);
        Assert.IsType<RMSProp>(gan.DiscriminatorOptimizer);
    }

    [Fact]
    public void The_moving_average_after_k_steps_is_the_decayed_sum_of_the_generator_weights()
    {
        using var gan = new EmaGan(Options());
        var history = GeneratorWeightsOverSteps(gan, 4);

        // p_ema = d^k p_0 + sum_i (1 - d) d^(k - i) p_i, with d = 0.9 and p_0 the weights it started as a copy of.
        const double d = 0.9;
        int steps = history.Count - 1;
        var average = Parameters(gan.EmaGenerator!);
        AssertEachWeight(average, (t, j) =>
        {
            double expected = Math.Pow(d, steps) * history[0][t][j];
            for (int i = 1; i <= steps; i++) expected += (1 - d) * Math.Pow(d, steps - i) * history[i][t][j];
            return expected;
        });
        Assert.NotEqual(history[^1][0], average[0]);
        Assert.All(gan.EmaGenerator!.parameters(), p => Assert.False(p.requires_grad));
    }

    [Fact]
    public void With_the_warm_up_the_average_takes_the_decay_min_d_and_1_plus_t_over_10_plus_t_at_update_t()
    {
        using var gan = new WarmEmaGan(Options());
        var history = GeneratorWeightsOverSteps(gan, 4);

        // d_t = min(0.3, (1 + t) / (10 + t)): 2/11, 3/12 and 0.3 (4/13 is above it) and 0.3 again.
        double[] decays = { 2.0 / 11, 3.0 / 12, 0.3, 0.3 };
        AssertEachWeight(Parameters(gan.EmaGenerator!), (t, j) =>
        {
            double expected = history[0][t][j];
            for (int i = 1; i < history.Count; i++) expected = decays[i - 1] * expected + (1 - decays[i - 1]) * history[i][t][j];
            return expected;
        });
        Assert.Equal(4, gan.Objective.AverageUpdates);
    }

    [Theory]
    [InlineData(0.999, 1, 2.0 / 11)]
    [InlineData(0.999, 90, 0.91)]
    [InlineData(0.999, 8990, 0.999)]
    [InlineData(0.5, 3, 4.0 / 13)]
    [InlineData(0.5, 8, 0.5)]
    [InlineData(0.5, 1000, 0.5)]
    public void The_warm_up_decay_is_the_smaller_of_the_decay_and_1_plus_t_over_10_plus_t(double decay, long update, double expected) =>
        Assert.Equal(expected, ExponentialMovingAverage.WarmedUpDecay(decay, update), 12);

    [Fact]
    public void Sample_and_the_pictures_use_the_moving_average()
    {
        using var gan = new EmaGan(Options());
        using var real = RealBatch();
        for (int k = 0; k < 3; k++) gan.TrainStep(real);
        Assert.Same(gan.EmaGenerator, gan.SamplingGenerator);

        torch.random.manual_seed(5);
        using var sampled = gan.Sample(6);
        torch.random.manual_seed(5);
        using var z = torch.randn(6, 2);
        using var average = gan.EmaGenerator!.call(z);
        using var raw = gan.Generator.call(z);

        Assert.True(sampled.allclose(average));
        Assert.False(sampled.allclose(raw));
    }

    [Fact]
    public void R1_adds_half_gamma_times_the_squared_weight_norm_of_a_linear_critic()
    {
        using var gan = new R1Gan(Options());
        using var real = RealBatch();
        var w = FirstWeights.Of(gan.Discriminator);

        var result = gan.TrainStep(real);

        Assert.Equal(10 / 2.0 * w.Sum(x => (double)x * x), result.Metrics!["r1"], 4);
        Assert.Contains(gan.Objective.Metrics, c => c.Name == "r1" && c.Kind == MetricKind.Loss);
    }

    [Fact]
    public void Two_time_scale_rates_go_to_their_own_optimizers()
    {
        using var gan = new TturGan(Options());
        Assert.Equal(new[] { 1e-4 }, gan.GeneratorOptimizer.ParamGroups.Select(g => g.LearningRate));
        Assert.Equal(new[] { 4e-4 }, gan.DiscriminatorOptimizer.ParamGroups.Select(g => g.LearningRate));
        using var plain = new RecipeNonSaturating(Options());
        Assert.Equal(new[] { 2e-4 }, plain.GeneratorOptimizer.ParamGroups.Select(g => g.LearningRate));
    }

    [Fact]
    public void Label_smoothing_lowers_only_the_real_target_of_the_discriminator()
    {
        // Same init, same noise: the two D losses differ by BCE(r, 0.9) - BCE(r, 1) averaged = 0.1 * mean(r).
        using var smoothed = new SmoothedGan(Options());
        using var plain = new RecipeNonSaturating(Options());
        using var real = RealBatch();
        double meanLogit;
        using (torch.no_grad()) meanLogit = plain.Discriminator.call(real).mean().item<float>();

        torch.random.manual_seed(1);
        var a = smoothed.DiscriminatorStep(real);
        torch.random.manual_seed(1);
        var b = plain.DiscriminatorStep(real);

        Assert.Equal(0.1 * meanLogit, a.Loss - b.Loss, 5);
    }

    [Fact]
    public void A_step_draws_one_real_batch_per_critic_update()
    {
        using var gan = new ThreeCriticStepsGan(Options());
        var batches = new CountingBatches();

        gan.Objective.Step(batches);

        Assert.Equal(3, batches.Drawn);
        var wrong = Assert.Throws<ArgumentException>(() => gan.TrainStep(RealBatch()));
        Assert.Contains("DiscriminatorSteps = 3", wrong.Message);
        Assert.Throws<ArgumentException>(() => gan.TrainStep(new[] { RealBatch(), RealBatch() }));
    }

    [Fact]
    public void Critic_metrics_are_scores_and_the_penalty_is_a_column()
    {
        using var gan = new RecipeWassersteinGP(Options());
        Assert.Equal(new[] { "d_loss", "g_loss", "critic_real", "critic_fake", "gp" }, gan.Objective.Metrics.Select(c => c.Name));
        Assert.Equal(MetricKind.Score, gan.Objective.Metrics[2].Kind);
        using var nonSaturating = new RecipeNonSaturating(Options());
        Assert.Equal(new[] { "d_loss", "g_loss", "d_real", "d_fake" }, nonSaturating.Objective.Metrics.Select(c => c.Name));
        Assert.Equal(MetricKind.Probability, nonSaturating.Objective.Metrics[2].Kind);
        using var leastSquares = new RecipeLeastSquares(Options());
        Assert.Equal(MetricKind.Score, leastSquares.Objective.Metrics[2].Kind);
    }

    [Theory]
    [InlineData("DiscriminatorSteps")]
    [InlineData("EmaDecay")]
    [InlineData("EmaWarmup")]
    [InlineData("LearningRateDecay")]
    [InlineData("ClipValue")]
    [InlineData("LabelSmoothing")]
    [InlineData("AuxiliaryClassifierWeight")]
    [InlineData("ModeSeekingWeight")]
    public void A_hand_written_definition_with_an_invalid_option_is_refused_naming_it(string option)
    {
        var valid = RecipeHinge.Declaration;
        var definition = option switch
        {
            "DiscriminatorSteps" => valid with { DiscriminatorSteps = 0 },
            "EmaDecay" => valid with { EmaDecay = 1 },
            "EmaWarmup" => valid with { EmaWarmup = true },   // without a moving average
            "LearningRateDecay" => valid with { LearningRateDecay = 1.5 },
            "ClipValue" => valid with { ClipValue = -0.01 },
            "AuxiliaryClassifierWeight" => valid with { AuxiliaryClassifierWeight = 1 },   // an unconditional pair has no labels
            "ModeSeekingWeight" => valid with { ModeSeekingWeight = double.NaN },   // not finite
            _ => valid with { LabelSmoothing = 0.1 }, // Hinge has no targets
        };
        var error = Assert.Throws<ArgumentException>(() => new HandWrittenGan(definition, Options()).Dispose());
        Assert.Contains($"GanDefinition.{option}", error.Message);
    }

    /// <summary>G's weights before and after each of <paramref name="steps"/> steps on one real batch.</summary>
    private static List<float[][]> GeneratorWeightsOverSteps(GanModel<LinearGenerator, LinearCritic> gan, int steps)
    {
        using var real = RealBatch();
        var history = new List<float[][]> { Parameters(gan.Generator) };
        for (int k = 0; k < steps; k++)
        {
            gan.TrainStep(real);
            history.Add(Parameters(gan.Generator));
        }
        return history;
    }

    /// <summary>Every weight [t][j] of <paramref name="actual"/> equals expected(t, j) to 5 decimals.</summary>
    private static void AssertEachWeight(float[][] actual, Func<int, int, double> expected)
    {
        for (int t = 0; t < actual.Length; t++)
            for (int j = 0; j < actual[t].Length; j++)
                Assert.Equal(expected(t, j), actual[t][j], 5);
    }

    private static float[][] Parameters(nn.Module module) => module.parameters().Select(p => p.detach().data<float>().ToArray()).ToArray();

    private sealed class CountingBatches : IRealBatches
    {
        public int Drawn { get; private set; }

        public GanDsl.RealBatch Next()
        {
            Drawn++;
            return new GanDsl.RealBatch(RealBatch(seed: Drawn), null);
        }
    }

    private sealed class HandWrittenGan : GanModel<LinearGenerator, LinearCritic>
    {
        public HandWrittenGan(GanDefinition definition, GanOptions options)
            : base(definition, options, () => new LinearGenerator(), () => new LinearCritic())
        {
        }
    }
}
