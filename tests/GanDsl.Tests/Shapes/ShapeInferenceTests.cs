using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using Xunit;

namespace GanDsl.Tests.Shapes;

/// <summary>The pure shape core, without Roslyn: each op's arithmetic against hand-computed PyTorch results.</summary>
public class ShapeInferenceTests
{
    private static Shape Out(Shape input, LayerOp op, long classes = 0)
    {
        var inferred = op.Infer(input, new LayerContext(classes, false));
        Assert.Null(inferred.Failure);
        return inferred.Output!;
    }

    private static long Parameters(Shape input, LayerOp op, long classes = 0) => op.Infer(input, new LayerContext(classes, false)).Parameters;

    private static Failure Fails(Shape input, LayerOp op)
    {
        var inferred = op.Infer(input, LayerContext.Plain);
        Assert.Null(inferred.Output);
        return inferred.Failure!;
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
        var op = new Conv2d(4, kernel, stride, padding, PaddingSet: true);
        Assert.Equal(new Shape(4, expected, expected), Out(new Shape(2, size, size), op));
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
        var op = new Conv2d(1, kernel, stride, Same: true);
        Assert.Equal(new Shape(1, expected, expected), Out(new Shape(1, size, size), op));
    }

    [Theory]
    // in, kernel, stride, padding, outputPadding -> (in - 1) * s - 2p + k + op
    [InlineData(7, 4, 2, 1, 0, 14)]
    [InlineData(1, 4, 1, 0, 0, 4)]
    [InlineData(14, 5, 2, 2, 1, 28)]
    public void ConvTranspose2d_follows_pytorch(long size, long kernel, long stride, long padding, long outputPadding, long expected)
    {
        var op = new ConvTranspose2d(3, kernel, stride, padding, OutputPadding: outputPadding);
        Assert.Equal(new Shape(3, expected, expected), Out(new Shape(8, size, size), op));
    }

    [Theory]
    [InlineData(7, 5, 1)]
    [InlineData(7, 5, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(4, 1, 2)]
    [InlineData(4, 2, 2)]
    public void ConvTranspose2d_same_multiplies_by_stride(long size, long kernel, long stride)
    {
        var op = new ConvTranspose2d(1, kernel, stride, Same: true);
        Assert.Equal(new Shape(1, size * stride, size * stride), Out(new Shape(1, size, size), op));
    }

    [Fact]
    public void Channels_same_keeps_the_input_channels()
    {
        Assert.Equal(new Shape(7, 5, 5), Out(new Shape(7, 5, 5), new Conv2d(ConvRules.SameChannels, 3, Padding: 1, PaddingSet: true)));
        Assert.Equal(7 * 7 * 9 + 7, Parameters(new Shape(7, 5, 5), new Conv2d(ConvRules.SameChannels, 3, Padding: 1, PaddingSet: true)));
        Assert.Equal(new Shape(5, 10, 10), Out(new Shape(5, 5, 5), new ConvTranspose2d(ConvRules.SameChannels, 2, 2)));
        Assert.Equal("Conv2d(Channels.Same, Kernel = 3)", new Conv2d(ConvRules.SameChannels, 3).Display);
        Assert.Empty(new Conv2d(ConvRules.SameChannels, 3).Validate());
        Assert.NotEmpty(new Conv2d(-2, 3).Validate());
    }

    [Fact]
    public void Parameter_counts_match_pytorch()
    {
        Assert.Equal(100 * 256 + 256, Parameters(new Shape(100), new Dense(256)));
        Assert.Equal(100 * 256, Parameters(new Shape(100), new Dense(256, Bias: false)));
        Assert.Equal(100 * 256 + 256, Parameters(new Shape(100), new Dense(256, SpectralNorm: true))); // u, v are buffers
        Assert.Equal(3 * 32 * 9 + 32, Parameters(new Shape(3, 32, 32), new Conv2d(32, 3)));
        Assert.Equal(2 * 64, Parameters(new Shape(64, 7, 7), new BatchNorm()));
        Assert.Equal(2 * 3 * 4 * 4, Parameters(new Shape(3, 4, 4), new LayerNorm()));
        Assert.Equal(0, Parameters(new Shape(3, 4, 4), new InstanceNorm()));
        Assert.Equal(2 * 3, Parameters(new Shape(3, 4, 4), new InstanceNorm(Affine: true)));
        Assert.Equal(1, Parameters(new Shape(3, 4, 4), new PReLU()));
        Assert.Equal(10 * 50, Parameters(new Shape(100), new ConcatLabel(50), classes: 10));
        Assert.Equal(64 + 1 + 10 * 64, Parameters(new Shape(64), new ProjectLabel(), classes: 10));
        Assert.Equal(2 * 10 * 256, Parameters(new Shape(256, 7, 7), new ConditionalBatchNorm(), classes: 10));
        Assert.Equal(2 * 10 * 128, Parameters(new Shape(128), new ConditionalBatchNorm(), classes: 10));
    }

    [Fact]
    public void Shape_only_layers()
    {
        Assert.Equal(new Shape(784), Out(new Shape(1, 28, 28), Flatten.Instance));
        Assert.Equal(new Shape(3, 16, 16), Out(new Shape(3, 8, 8), new Upsample(2)));
        Assert.Equal(new Shape(64, 9, 9), Out(new Shape(64, 8, 8), new ZeroPad2d(0, 1, 0, 1)));
        Assert.Equal(new Shape(256, 7, 7), Out(new Shape(12544), new Reshape(new long[] { 256, 7, 7 }.ToEquatableArray())));
        Assert.Equal(new Shape(64, 9, 9), Out(new Shape(64, 7, 7), new ReflectionPad2d(1)));
        Assert.Equal(new Shape(8, 28, 28), Out(new Shape(32, 14, 14), new PixelShuffle(2)));
        Assert.Equal(new Shape(4, 3, 3), Out(new Shape(4, 7, 7), new AvgPool2d(2)));
        Assert.Equal(new Shape(64), Out(new Shape(64, 7, 7), GlobalPool.SumPool));
        Assert.Equal(new Shape(64), Out(new Shape(64, 7, 7), GlobalPool.AvgPool));
        Assert.Equal(new Shape(150), Out(new Shape(100), new ConcatLabel(50), classes: 10));
        Assert.Equal(new Shape(2, 28, 28), Out(new Shape(1, 28, 28), new ConcatLabel(1), classes: 10));
        Assert.Equal(new Shape(1), Out(new Shape(64), new ProjectLabel(), classes: 10));
        Assert.Equal(new Shape(256, 7, 7), Out(new Shape(256, 7, 7), new ConditionalBatchNorm(), classes: 10));
    }

    [Fact]
    public void Merges_follow_their_axis_rules()
    {
        Assert.Equal(new Shape(96, 7, 7), new Concat("e").Infer(new Shape(64, 7, 7), new Shape(32, 7, 7)).Output);
        Assert.Equal(new Shape(12), new Concat("e").Infer(new Shape(5), new Shape(7)).Output);
        Assert.Equal(ProblemCode.ConcatShapes, new Concat("e").Infer(new Shape(64, 7, 7), new Shape(32, 14, 14)).Failure!.Code);
        Assert.Equal(ProblemCode.ConcatShapes, new Concat("e").Infer(new Shape(64), new Shape(1, 8, 8)).Failure!.Code);
        Assert.Equal(new Shape(64, 7, 7), new Add("e").Infer(new Shape(64, 7, 7), new Shape(64, 7, 7)).Output);
        Assert.Equal(ProblemCode.AddShapes, new Add("e").Infer(new Shape(64, 7, 7), new Shape(1, 7, 7)).Failure!.Code);
    }

    [Fact]
    public void Problems_carry_their_code_and_fix()
    {
        var rank = Fails(new Shape(1, 28, 28), new Dense(1));
        Assert.Equal((ProblemCode.WrongRank, "Flatten"), (rank.Code, rank.Fix));

        var reshape = Fails(new Shape(784), new Reshape(new long[] { 2, 28, 28 }.ToEquatableArray()));
        Assert.Equal((ProblemCode.ReshapeCount, "Reshape:1, 28, 28"), (reshape.Code, reshape.Fix));

        Assert.Equal(ProblemCode.WrongRank, Fails(new Shape(2, 3), new BatchNorm()).Code);
        Assert.Equal(ProblemCode.ImpossibleArithmetic, Fails(new Shape(6, 4, 4), new PixelShuffle(2)).Code);
        Assert.Equal(ProblemCode.ImpossibleArithmetic, Fails(new Shape(6, 3, 3), new ReflectionPad2d(3)).Code);
        Assert.Equal(ProblemCode.ImpossibleArithmetic, Fails(new Shape(6, 3, 3), new AvgPool2d(4)).Code);
        Assert.Equal(ProblemCode.ProjectLabelPlacement, Fails(new Shape(6, 3, 3), new ProjectLabel()).Code);
        Assert.Equal(ProblemCode.WrongRank, Fails(new Shape(6), new InstanceNorm()).Code);
    }

    [Fact]
    public void Overflow_is_GAN009_not_an_exception()
    {
        var pads = Specs.Discriminator(new long[] { 1, 2, 2 }, new ZeroPad2d(long.MaxValue, long.MaxValue, 0, 0), Flatten.Instance, new Dense(1));
        var problem = Assert.Single(NetworkChecker.Check(pads).Problems);
        Assert.Equal((ProblemCode.SizeOverflow, 0), (problem.Code, problem.Target));
        Assert.EndsWith("the size arithmetic overflows 64-bit integers", problem.Message);

        var upsample = Specs.Discriminator(new long[] { 1, 40000, 40000 }, new Upsample(2), Flatten.Instance, new Dense(1));
        problem = Assert.Single(NetworkChecker.Check(upsample).Problems);
        Assert.Equal((ProblemCode.SizeOverflow, 0), (problem.Code, problem.Target));
        Assert.EndsWith("has more than 2147483647 elements per sample", problem.Message);
    }

    [Fact]
    public void Checker_stops_inference_at_the_first_shape_error_but_validates_every_argument()
    {
        var spec = Specs.Discriminator(new long[] { 1, 28, 28 }, new Dense(4), new Dropout(2), new Dense(1));

        var analysis = NetworkChecker.Check(spec);

        Assert.Equal(new[] { ProblemCode.WrongRank, ProblemCode.InvalidArgument }, analysis.Problems.Select(p => p.Code).OrderBy(c => c));
        Assert.Null(analysis.Output);
        Assert.True(analysis.HasErrors);
    }
}
