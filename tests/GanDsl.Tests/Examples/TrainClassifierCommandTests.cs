using System;
using System.IO;
using GanDsl.Examples;
using GanDsl.Tests.Data;
using Xunit;

namespace GanDsl.Tests.Examples;

/// <summary>train-classifier refuses to train without the training split (the test accuracy would be meaningless).</summary>
[Collection(SerialCollection.Name)]   // swaps Console.Error
public class TrainClassifierCommandTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var oldError = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (ExampleProgram.Run(args), error.ToString());
        }
        finally
        {
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void Without_the_training_split_it_says_so()
    {
        var (code, error) = Run("train-classifier", "--data", ShippedData.FashionMnistFolder(), "--out", Path.Combine(Path.GetTempPath(), "never.weights"));
        Assert.Equal(1, code);
        Assert.Contains("has no Fashion-MNIST training split", error);

        (code, error) = Run("train-classifier", "--data", Path.Combine(Path.GetTempPath(), "no-such-fashion-folder"));
        Assert.Equal(1, code);
        Assert.Contains("no such Fashion-MNIST folder", error);

        Assert.Equal(2, Run("train-classifier", "--epochs", "0").Code);
        Assert.Equal(2, Run("train-classifier", "--bogus").Code);
    }
}
