using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;

namespace GanDsl.Tests.Shapes;

/// <summary>Network specs for tests of the pure core, written as the reader would produce them.</summary>
internal static class Specs
{
    public static NetworkSpec Discriminator(long[] input, params Op[] ops) => Network(NetworkRole.Discriminator, input, 0, ops);

    public static NetworkSpec Network(NetworkRole role, long[] input, long classes, Op[] ops, params NetworkSpec[] blocks) =>
        new("T", role == NetworkRole.Block ? "B" : role == NetworkRole.Generator ? "G" : "D", role, input.ToEquatableArray(), ops.ToEquatableArray(),
            EquatableArray<Problem>.Empty, HasMalformedAttributes: false,
            ImageInput: role == NetworkRole.Generator && input.Length == 3, Classes: classes, Blocks: blocks.ToEquatableArray());

    public static NetworkSpec Block(string name, params Op[] ops) =>
        new("T", name, NetworkRole.Block, EquatableArray<long>.Empty, ops.ToEquatableArray(), EquatableArray<Problem>.Empty, false);

    /// <summary>A [Block] use of <paramref name="block"/> as the reader resolves it.</summary>
    public static Block Use(NetworkSpec block, long repeat = 1) => new(block.Key, block.ClassName, repeat);

    public static Conv2d Conv(long outChannels, long kernel, long stride = 1, long padding = 0) =>
        new(outChannels, kernel, stride, padding, PaddingSet: padding != 0);
}
