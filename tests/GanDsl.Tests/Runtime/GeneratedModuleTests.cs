using System;
using System.Linq;
using GanDsl.Examples.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GanDsl.Tests.Runtime;

/// <summary>The generated seed modules, built for real: the forward pass produces the shape the generator inferred,
/// and TorchSharp counts the parameters the summary table claims.</summary>
public class GeneratedModuleTests
{
    private static void AssertModule<T>(T module, string expectedOutput) where T : nn.Module<Tensor, Tensor>, IGanNetwork
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(1);
        module.eval();
        var input = torch.randn(T.InputShape.WithBatch(3));
        var output = module.call(input);

        Assert.Equal(T.OutputShape.WithBatch(3), output.shape);
        Assert.Equal(expectedOutput, T.OutputShape.ToString());
        long actualParameters = module.parameters().Sum(p => p.numel());
        Assert.Equal(T.ParameterCount, actualParameters);
        Assert.Contains($"Total params: {actualParameters:#,0}", T.Summary());
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact] public void Mlp_generator() { using var m = new MlpGenerator(); AssertModule(m, "(1, 28, 28)"); }
    [Fact] public void Mlp_discriminator() { using var m = new MlpDiscriminator(); AssertModule(m, "(1)"); }
    [Fact] public void Dcgan_generator() { using var m = new DcganGenerator(); AssertModule(m, "(1, 28, 28)"); }
    [Fact] public void Dcgan_discriminator() { using var m = new DcganDiscriminator(); AssertModule(m, "(1)"); }
    [Fact] public void Cifar_generator() { using var m = new CifarGenerator(); AssertModule(m, "(3, 32, 32)"); }
    [Fact] public void Cifar_discriminator() { using var m = new CifarDiscriminator(); AssertModule(m, "(1)"); }

    [Fact]
    public void State_dict_keys_follow_the_generated_field_names()
    {
        using var g = new MlpGenerator();
        var keys = g.state_dict().Keys.ToArray();
        Assert.Equal(new[] { "dense0.weight", "dense0.bias", "dense2.weight", "dense2.bias", "dense4.weight", "dense4.bias", "dense6.weight", "dense6.bias" }, keys);
    }

    [Fact]
    public void Gan_pairing_exposes_both_networks_and_the_declared_options()
    {
        using var gan = new FashionMlpGan(new GanOptions { Seed = 3, Device = ComputeDevice.Cpu });
        Assert.IsType<MlpGenerator>(gan.Generator);
        Assert.IsType<MlpDiscriminator>(gan.Discriminator);
        Assert.Equal(100, FashionMlpGan.LatentDim);
        Assert.Equal(new TensorShape(1, 28, 28), FashionMlpGan.ImageShape);
        Assert.Equal(GanLoss.NonSaturating, gan.Definition.Loss);
        Assert.Equal(2e-4, gan.Definition.LearningRate);
        Assert.Equal(0.5, gan.Definition.Beta1);
        Assert.Equal(0.999, gan.Definition.Beta2);
        Assert.True(FashionDcgan.DcganInit);
    }
}
