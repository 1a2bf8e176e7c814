using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Shapes;
using Xunit;

namespace GanDsl.Tests.Shapes;

/// <summary>The pure shape core, without Roslyn: each layer's arithmetic against hand-computed PyTorch results.</summary>
public class ShapeInferenceTests
{
    private static Shape Out(Shape input, LayerSpec layer)
    {
        var (result, problem) = ShapeInference.Infer(input, layer, 0);
        Assert.Null(problem);
        return result!.Output;
    }

    private static Problem Fails(Shape input, LayerSpec layer)
    {
        var (result, problem) = ShapeInference.Infer(input, layer, 0);
        Assert.Null(result);
        return problem!;
    }

    [Theory]
    // in, kernel, stride, padding -> out = floor((in + 2p - k) / s) + 1
    [InlineData(28, 5, 1, 0, 24)]
    [InlineData(28, 3, 2, 1, 14)]
    [InlineData(32, 3, 2, 1, 16)]
    [InlineData(7, 7, 1, 0, 1)]
    [InlineData(9, 2, 3, 0, 3)]
    public void Conv2d_follows_pytorch(long size, long kernel, long stride, long padding, long expected)
    {
        var layer = new LayerSpec(LayerKind.Conv2d) { OutChannels = 4, Kernel = kernel, Stride = stride, Padding = padding, PaddingSet = true };
        Assert.Equal(new Shape(4, expected, expected), Out(new Shape(2, size, size), layer));
    }

    [Theory]
    // Keras 'same': ceil(in / stride), for odd and even kernels and sizes
    [InlineData(28, 5, 2, 14)]
    [InlineData(14, 5, 2, 7)]
    [InlineData(7, 5, 2, 4)]
    [InlineData(28, 4, 1, 28)]
    [InlineData(5, 4, 2, 3)]
    [InlineData(10, 1, 3, 4)]
    public void Conv2d_same_gives_ceil_of_input_over_stride(long size, long kernel, long stride, long expected)
    {
        var layer = new LayerSpec(LayerKind.Conv2d) { OutChannels = 1, Kernel = kernel, Stride = stride, Same = true };
        Assert.Equal(new Shape(1, expected, expected), Out(new Shape(1, size, size), layer));
    }

    [Theory]
    // in, kernel, stride, padding, outputPadding -> (in - 1) * s - 2p + k + op
    [InlineData(7, 4, 2, 1, 0, 14)]
    [InlineData(1, 4, 1, 0, 0, 4)]
    [InlineData(14, 5, 2, 2, 1, 28)]
    public void ConvTranspose2d_follows_pytorch(long size, long kernel, long stride, long padding, long outputPadding, long expected)
    {
        var layer = new LayerSpec(LayerKind.ConvTranspose2d) { OutChannels = 3, Kernel = kernel, Stride = stride, Padding = padding, OutputPadding = outputPadding };
        Assert.Equal(new Shape(3, expected, expected), Out(new Shape(8, size, size), layer));
    }

    [Theory]
    [InlineData(7, 5, 1)]
    [InlineData(7, 5, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(4, 1, 2)]
    [InlineData(4, 2, 2)]
    public void ConvTranspose2d_same_multiplies_by_stride(long size, long kernel, long stride)
    {
        var layer = new LayerSpec(LayerKind.ConvTranspose2d) { OutChannels = 1, Kernel = kernel, Stride = stride, Same = true };
        Assert.Equal(new Shape(1, size * stride, size * stride), Out(new Shape(1, size, size), layer));
    }

    [Fact]
    public void Parameter_counts_match_pytorch()
    {
        Assert.Equal(100 * 256 + 256, ShapeInference.Infer(new Shape(100), new LayerSpec(LayerKind.Dense) { Units = 256 }, 0).Result!.Parameters);
        Assert.Equal(100 * 256, ShapeInference.Infer(new Shape(100), new LayerSpec(LayerKind.Dense) { Units = 256, Bias = false }, 0).Result!.Parameters);
        Assert.Equal(3 * 32 * 9 + 32, ShapeInference.Infer(new Shape(3, 32, 32), new LayerSpec(LayerKind.Conv2d) { OutChannels = 32, Kernel = 3 }, 0).Result!.Parameters);
        Assert.Equal(2 * 64, ShapeInference.Infer(new Shape(64, 7, 7), new LayerSpec(LayerKind.BatchNorm), 0).Result!.Parameters);
    }

    [Fact]
    public void Shape_only_layers()
    {
        Assert.Equal(new Shape(784), Out(new Shape(1, 28, 28), new LayerSpec(LayerKind.Flatten)));
        Assert.Equal(new Shape(3, 16, 16), Out(new Shape(3, 8, 8), new LayerSpec(LayerKind.Upsample) { Scale = 2 }));
        Assert.Equal(new Shape(64, 9, 9), Out(new Shape(64, 8, 8), new LayerSpec(LayerKind.ZeroPad2d) { Right = 1, Bottom = 1 }));
        Assert.Equal(new Shape(256, 7, 7), Out(new Shape(12544), new LayerSpec(LayerKind.Reshape) { Dims = new long[] { 256, 7, 7 }.ToEquatableArray() }));
    }

    [Fact]
    public void Problems_carry_their_code_and_fix()
    {
        var rank = Fails(new Shape(1, 28, 28), new LayerSpec(LayerKind.Dense) { Units = 1 });
        Assert.Equal((ProblemCode.WrongRank, "Flatten"), (rank.Code, rank.Fix));

        var reshape = Fails(new Shape(784), new LayerSpec(LayerKind.Reshape) { Dims = new long[] { 2, 28, 28 }.ToEquatableArray() });
        Assert.Equal((ProblemCode.ReshapeCount, "Reshape:1, 28, 28"), (reshape.Code, reshape.Fix));

        Assert.Equal(ProblemCode.WrongRank, Fails(new Shape(2, 3), new LayerSpec(LayerKind.BatchNorm)).Code);
        Assert.Equal(ProblemCode.SizeOverflow, Fails(new Shape(long.MaxValue / 2), new LayerSpec(LayerKind.Dense) { Units = 4 }).Code);
    }

    [Fact]
    public void Checker_stops_inference_at_the_first_shape_error_but_validates_every_argument()
    {
        var spec = new ModelSpec("T", "D", ModelRole.Discriminator, new long[] { 1, 28, 28 }.ToEquatableArray(),
            new[]
            {
                new LayerSpec(LayerKind.Dense) { Units = 4 },        // wrong rank
                new LayerSpec(LayerKind.Dropout) { P = 2 },          // bad argument, still reported
                new LayerSpec(LayerKind.Dense) { Units = 1 },
            }.ToEquatableArray(),
            EquatableArray<Problem>.Empty, false);

        var analysis = ModelChecker.Check(spec);

        Assert.Equal(new[] { ProblemCode.WrongRank, ProblemCode.InvalidArgument }, analysis.Problems.Select(p => p.Code).OrderBy(c => c));
        Assert.Null(analysis.Output);
        Assert.True(analysis.HasErrors);
    }
}
