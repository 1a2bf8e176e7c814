using System.Collections.Generic;
using System.Globalization;
using GanDsl.Generators.Graph;
using GanDsl.Generators.Ops;

namespace GanDsl.Generators.Emitting;

/// <summary>How generated code names a node: its field and node name (op stem and attribute index, "conv3"; a
/// repeated block's copies "resBlock5_0", "resBlock5_1", ...) and the variable forward holds its output in ("x3", "x5_0").</summary>
internal static class FieldNames
{
    /// <summary>The node's name, in the summary and the graph description; for layers and blocks, also its field.</summary>
    public static string Of(Node node) => Name(node.Op, node.Attribute, node.Copy, (node.Op as Block)?.Copies ?? 1);

    public static string Variable(Node node) => "x" + Suffix(node.Attribute, node.Copy, (node.Op as Block)?.Copies ?? 1);

    /// <summary>The fields an op declares (none for taps and merges), before anything is inferred: the reader checks the
    /// user's members against them (GAN007).</summary>
    public static IEnumerable<string> Of(Op op, int attribute)
    {
        if (op is LayerOp) yield return Name(op, attribute, 0, 1);
        else if (op is Block block)
            for (int copy = 0; copy < block.Copies; copy++) yield return Name(op, attribute, copy, block.Copies);
    }

    private static string Name(Op op, int attribute, int copy, int copies) => op.Stem + Suffix(attribute, copy, copies);

    private static string Suffix(int attribute, int copy, int copies) =>
        attribute.ToString(CultureInfo.InvariantCulture) + (copies > 1 ? "_" + copy.ToString(CultureInfo.InvariantCulture) : "");
}
