using System;
using GanDsl.Examples;
using Xunit;

namespace GanDsl.Tests.Examples;

public sealed class ExampleArgumentsTests
{
    [Fact]
    public void A_negative_seed_is_a_seed()
    {
        Assert.Equal(-1, ExampleArguments.Parse(new[] { "--seed", "-1" }).Seed);
    }

    [Fact]
    public void Eval_every_and_eval_samples_are_options_with_limits()
    {
        var args = ExampleArguments.Parse(new[] { "--eval-every", "2", "--eval-samples", "1000" });
        Assert.Equal((2, 1000), (args.EvalEvery, args.EvalSamples));
        Assert.Equal((0, 5000), (ExampleArguments.Parse(System.Array.Empty<string>()).EvalEvery, ExampleArguments.Parse(System.Array.Empty<string>()).EvalSamples));
        Assert.Contains("1 or more", Assert.Throws<System.ArgumentException>(() => ExampleArguments.Parse(new[] { "--eval-every", "0" })).Message);
        Assert.Contains("--eval-every", ExampleArguments.Usage);
    }

    [Fact]
    public void Checkpoint_every_is_an_option()
    {
        Assert.Equal(5, ExampleArguments.Parse(new[] { "--checkpoint-every", "5" }).CheckpointEvery);
        Assert.Contains("--checkpoint-every", ExampleArguments.Usage);
    }

    [Fact]
    public void Max_minutes_takes_a_positive_number_of_minutes()
    {
        Assert.Equal(0.5, ExampleArguments.Parse(new[] { "--max-minutes", "0.5" }).MaxMinutes);
        Assert.Null(ExampleArguments.Parse(Array.Empty<string>()).MaxMinutes);
        foreach (var bad in new[] { "0", "-3", "ten", "NaN", "1e300" })
            Assert.Contains("--max-minutes needs a positive number of minutes", Assert.Throws<ArgumentException>(() => ExampleArguments.Parse(new[] { "--max-minutes", bad })).Message);
        Assert.Contains("--max-minutes", ExampleArguments.Usage);
    }

    [Theory]
    [InlineData("--max-steps", "-1", "0 or more")]
    [InlineData("--checkpoint-every", "-2", "0 or more")]
    [InlineData("--seed", "x", "whole number")]
    [InlineData("--epochs", "0", "1 or more")]
    public void A_bad_number_says_what_the_option_takes(string option, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ExampleArguments.Parse(new[] { option, value }));
        Assert.Contains(option, error.Message);
        Assert.Contains(expected, error.Message);
    }
}
