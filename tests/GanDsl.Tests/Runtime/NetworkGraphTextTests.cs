using System;
using System.Collections.Generic;
using GanDsl.Tests.Generator;
using Xunit;

namespace GanDsl.Tests.Runtime;

/// <summary>The graph text generated networks hold: what NetworkGraphText writes it reads back, whatever the names and
/// ops hold, and text that is not in the format is refused with the line named.</summary>
public class NetworkGraphTextTests
{
    private static readonly NetworkGraph Block = new("Res|Block", new[] { new GraphInput("input", new TensorShape(4, 2, 2)) }, new[]
    {
        new GraphNode("conv0", "Conv2d(Channels.Same, Kernel = 3)", new[] { "input" }, new TensorShape(4, 2, 2), 148),
        new GraphNode("add1", "Add(\"input\")", new[] { "conv0", "input" }, new TensorShape(4, 2, 2), 0),
    });

    private static readonly NetworkGraph Network = new("Odd \\ name | with\nbreaks", new[]
    {
        new GraphInput("input", new TensorShape(16)),
        new GraphInput("labels", new TensorShape()),
    }, new[]
    {
        new GraphNode("dense0", "Dense(64) | \"quoted\" \\ back\\nslash \\|", new[] { "input" }, new TensorShape(64), 1088),
        new GraphNode("concatLabel1", "ConcatLabel(8)", new[] { "dense0", "labels" }, new TensorShape(72), 80),
        new GraphNode("reshape2", "Reshape(4, 2, 9)", new[] { "concatLabel1" }, new TensorShape(4, 2, 9), 0),
        new GraphNode("res3_0", "Block(typeof(ResBlock), Repeat = 2)", new[] { "reshape2" }, new TensorShape(4, 2, 2), 148, Block),
        new GraphNode("res3_1", "Block(typeof(ResBlock), Repeat = 2)", new[] { "res3_0" }, new TensorShape(4, 2, 2), 148, Block),
        new GraphNode("odd4", "", new[] { "res3_1" }, new TensorShape(1, 1, 1, 1), long.MaxValue),
    }, Classes: 10);

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var blocks = new List<NetworkGraph>();
        string text = NetworkGraphText.Write(Network, blocks);
        Assert.Equal(new[] { Block }, blocks);
        var read = NetworkGraphText.Parse(text, blocks.ToArray());
        Assert.Null(GeneratedGraphTests.Difference(Network, read, "network"));
        Assert.Same(read.Nodes[3].Block, read.Nodes[4].Block);
        Assert.Equal(NetworkGraphText.Write(read, new List<NetworkGraph>()), text);
    }

    [Fact]
    public void The_format_is_the_documented_one()
    {
        var graph = NetworkGraphText.Parse("graph | D | 0\ninput | input | (1, 28, 28)\nnode | conv0 | Conv2d(64, Kernel = 5) | input | (64, 24, 24) | 1664\nnode | add1 | Add(\"a\") | conv0, input | (64, 24, 24) | 0\n");
        Assert.Equal("D", graph.Name);
        Assert.Equal(new TensorShape(1, 28, 28), graph.Inputs[0].Shape);
        Assert.Equal(new[] { "conv0", "input" }, graph.Nodes[1].Inputs);
        Assert.Equal(1664, graph.ParameterCount);
        Assert.Equal(new TensorShape(64, 24, 24), graph.OutputShape);
    }

    [Theory]
    [InlineData("input | input | (1)\n", "line 1")]
    [InlineData("graph | D | 0\nnode | conv0 | Conv2d(8) | input | (8) | 1\n", "line 2")]
    [InlineData("graph | D | 0\ninput | input | (1, x)\n", "line 2 (not a shape)")]
    [InlineData("graph | D | 0\ninput | input | (1)\nnode | conv0 | Conv2d(8) | input | (8) | -1\n", "line 3 (parameters")]
    [InlineData("graph | D | 0\ninput | input | (1)\nnode | b0 | Block | input | (1) | 0 | block 1\n", "line 3 (no block graph block 1 among 1)")]
    [InlineData("graph | D | 0\n", "without its")]
    [InlineData("", "without its")]
    public void Text_not_in_the_format_is_refused_with_its_line(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => NetworkGraphText.Parse(text, Block));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
