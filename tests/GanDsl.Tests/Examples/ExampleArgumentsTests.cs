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
    public void Checkpoint_every_is_an_option()
    {
        Assert.Equal(5, ExampleArguments.Parse(new[] { "--checkpoint-every", "5" }).CheckpointEvery);
        Assert.Contains("--checkpoint-every", ExampleArguments.Usage);
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
