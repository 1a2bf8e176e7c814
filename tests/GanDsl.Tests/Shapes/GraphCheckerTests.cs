using System.Linq;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using Xunit;

namespace GanDsl.Tests.Shapes;

/// <summary>The graph core without Roslyn: names, merges, blocks (expanded per use and shape), labels and the guards
/// against cycles and runaway expansion.</summary>
public class GraphCheckerTests
{
    private static readonly NetworkSpec Residual = Specs.Block("Res",
        new Conv2d(ConvRules.SameChannels, 3, Padding: 1, PaddingSet: true), new Add("input"));

    [Fact]
    public void Taps_resolve_to_the_tapped_value_and_merges_read_them()
    {
        var spec = Specs.Discriminator(new long[] { 1, 8, 8 },
            Specs.Conv(4, 3, padding: 1), new Tap("a"), Specs.Conv(4, 3, stride: 2, padding: 1), new Upsample(2), new Concat("a"),
            Flatten.Instance, new Dense(1));

        var analysis = NetworkChecker.Check(spec);

        Assert.Empty(analysis.Problems);
        var concat = analysis.Graph.Nodes.Single(n => n.Op is Concat);
        Assert.Equal(0, concat.Named);                                     // the conv, not the Tap node
        Assert.Equal(new Shape(8, 8, 8), analysis[concat]!.Output);
        Assert.Equal(new Shape(1), analysis.Output);
    }

    [Fact]
    public void Name_errors_are_found_without_shapes()
    {
        var spec = Specs.Discriminator(new long[] { 4 },
            new Concat("late"), new Tap("late"), new Tap("twice"), new Tap("twice"), new Add("nowhere"), new Tap("input"), new Tap("unused"), new Dense(1));

        var codes = GraphBuilder.Build(spec).Problems.Select(p => (p.Code, p.Target)).ToArray();

        Assert.Contains((ProblemCode.UnknownName, 0), codes);   // read before its Tap
        Assert.Contains((ProblemCode.UnknownName, 3), codes);   // tapped twice
        Assert.Contains((ProblemCode.UnknownName, 4), codes);   // unknown
        Assert.Contains((ProblemCode.UnknownName, 5), codes);   // "input" is taken
        Assert.Contains((ProblemCode.UnusedTap, 6), codes);
        Assert.DoesNotContain((ProblemCode.UnusedTap, 1), codes); // "late" is read (too early, which is GAN013)
    }

    [Fact]
    public void A_block_is_inferred_per_input_shape_and_its_parameters_count_per_copy()
    {
        var spec = Specs.Network(NetworkRole.Discriminator, new long[] { 3, 8, 8 }, 0,
            new Op[] { new Block(Residual.Key, "Res", 3), Specs.Conv(5, 3, padding: 1), new Block(Residual.Key, "Res"), Flatten.Instance, new Dense(1) }, Residual);

        var analysis = NetworkChecker.Check(spec);

        Assert.Empty(analysis.Problems);
        var uses = analysis.Graph.Nodes.Where(n => n.Op is Block).ToList();
        Assert.Equal(4, uses.Count);
        Assert.Equal(new long[] { 3 * 3 * 9 + 3, 3 * 3 * 9 + 3, 3 * 3 * 9 + 3, 5 * 5 * 9 + 5 }, uses.Select(n => analysis[n]!.Parameters));
        Assert.Same(analysis[uses[0]]!.Block, analysis[uses[2]]!.Block);   // same block, same shape: one instance
        Assert.NotSame(analysis[uses[0]]!.Block, analysis[uses[3]]!.Block);
        Assert.Equal(3 * (3 * 3 * 9 + 3) + (3 * 5 * 9 + 5) + (5 * 5 * 9 + 5) + 5 * 64 + 1, analysis.TotalParameters);
    }

    [Fact]
    public void An_error_inside_a_block_is_reported_at_the_use_with_the_blocks_attribute()
    {
        var narrowing = Specs.Block("Narrow", Specs.Conv(2, 3, padding: 1), new Add("input"));
        var spec = Specs.Network(NetworkRole.Discriminator, new long[] { 4, 8, 8 }, 0,
            new Op[] { Specs.Conv(4, 1), new Block(narrowing.Key, "Narrow", 2), Flatten.Instance, new Dense(1) }, narrowing);

        var problem = Assert.Single(NetworkChecker.Check(spec).Problems);

        Assert.Equal((ProblemCode.AddShapes, 1, new BlockSite(narrowing.Key, 1)), (problem.Code, problem.Target, problem.Inner));
        Assert.Equal("Narrow on input (4, 8, 8): Add(\"input\") adds \"input\" (4, 8, 8) to (2, 8, 8); the shapes must be equal", problem.Message);
    }

    [Fact]
    public void A_block_that_uses_itself_is_GAN019_and_never_expanded()
    {
        var a = Specs.Block("A", new Block("T|B", "B"), Activation.ReLU);
        var b = Specs.Block("B", new Block("T|A", "A"));
        var network = Specs.Network(NetworkRole.Discriminator, new long[] { 4 }, 0, new Op[] { new Block("T|A", "A"), new Dense(1) }, a, b);
        var blockAlone = a with { Blocks = new[] { a, b }.ToEquatableArray() };

        var use = Assert.Single(NetworkChecker.Check(network).Problems);
        var own = Assert.Single(NetworkChecker.Check(blockAlone).Problems);

        Assert.Equal((ProblemCode.RecursiveBlock, 0), (use.Code, use.Target));
        Assert.Equal((ProblemCode.RecursiveBlock, 0), (own.Code, own.Target));
        Assert.Contains("(A -> B -> A)", own.Message);
    }

    [Fact]
    public void Repeat_outside_its_range_is_GAN006_and_expands_once()
    {
        var spec = Specs.Network(NetworkRole.Discriminator, new long[] { 4 }, 0,
            new Op[] { new Block(Residual.Key, "Res", 0), new Block(Residual.Key, "Res", 5000), new Dense(1) }, Residual);
        var analysis = NetworkChecker.Check(spec);
        Assert.Equal(new[] { (ProblemCode.InvalidArgument, 0), (ProblemCode.InvalidArgument, 1) }, analysis.Problems.Select(p => (p.Code, p.Target)));
        Assert.Equal(2, analysis.Graph.Nodes.Count(n => n.Op is Block));
    }

    [Fact]
    public void Runaway_expansion_is_stopped_with_GAN009()
    {
        // 1000 copies of a block of 1000 copies of a block with a growing shape: a million distinct instances.
        var grow = Specs.Block("Grow", new ZeroPad2d(0, 0, 0, 0), new Dropout(0));
        var inner = Specs.Block("Inner", new Block(grow.Key, "Grow", 1000), new ZeroPad2d(1, 0, 0, 0));
        var spec = Specs.Network(NetworkRole.Discriminator, new long[] { 1, 2, 2 }, 0,
            new Op[] { new Block(inner.Key, "Inner", 1000), Flatten.Instance, new Dense(1) }, inner, grow);

        var analysis = NetworkChecker.Check(spec);

        Assert.Contains(analysis.Problems, p => p.Code == ProblemCode.SizeOverflow && p.Message.Contains("more than 100000 layers"));
    }

    [Fact]
    public void Label_layers_need_classes_and_projection_goes_last_in_a_discriminator()
    {
        var unconditional = Specs.Discriminator(new long[] { 4 }, new ConcatLabel(2), new Dense(1));
        Assert.Contains(NetworkChecker.Check(unconditional).Problems, p => p.Code == ProblemCode.LabelWithoutClasses && p.Target == 0);

        var notLast = Specs.Network(NetworkRole.Discriminator, new long[] { 4 }, 3, new Op[] { new ProjectLabel(), new Dense(1) });
        Assert.Contains(NetworkChecker.Check(notLast).Problems, p => p.Code == ProblemCode.ProjectLabelPlacement && p.Target == 0);

        var inGenerator = Specs.Network(NetworkRole.Generator, new long[] { 4 }, 3, new Op[] { new ProjectLabel() });
        Assert.Contains(NetworkChecker.Check(inGenerator).Problems, p => p.Code == ProblemCode.ProjectLabelPlacement);

        var unused = Specs.Network(NetworkRole.Discriminator, new long[] { 4 }, 3, new Op[] { new Dense(1) });
        Assert.Contains(NetworkChecker.Check(unused).Problems, p => p.Code == ProblemCode.UnusedClasses && p.Severity == ProblemSeverity.Warning);

        var good = Specs.Network(NetworkRole.Discriminator, new long[] { 1, 4, 4 }, 3, new Op[] { new ConcatLabel(1), Flatten.Instance, new ProjectLabel() });
        var analysis = NetworkChecker.Check(good);
        Assert.Empty(analysis.Problems);
        Assert.Equal(new Shape(1), analysis.Output);
        Assert.Equal(3 * 1 + (32 + 1 + 3 * 32), analysis.TotalParameters);
    }
}
