using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GanDsl;

/// <summary>
/// The text a generated network describes its <see cref="NetworkGraph"/> in. Generated code holds the graph as one
/// string constant read on first use, not as a tree of constructor calls, because the compiler binds every generated
/// expression again on each edit in an editor, and a string constant costs it nothing (see the README's "Keystroke to
/// squiggle"). A line per item, fields separated by " | ":
/// <code>
/// graph | DcganDiscriminator | 0                 name, classes (0: unconditional)
/// input | input | (1, 28, 28)                    each input: name, shape of one sample
/// node | conv0 | Conv2d(64, Kernel = 5) | input | (64, 14, 14) | 1664
///                                                each node: name, op, inputs (", "), output shape, parameters,
///                                                and for a block use "block 0": the index of its graph in the blocks
/// </code>
/// In a field, '\' is written "\\", '|' "\|" and a line break "\n".
/// </summary>
public static class NetworkGraphText
{
    private const string Separator = " | ";

    /// <summary>Reads a graph written in this format; <paramref name="blocks"/> are the graphs "block i" refers to.</summary>
    /// <exception cref="FormatException">The text is not in this format; the message names the line.</exception>
    public static NetworkGraph Parse(string text, params NetworkGraph[] blocks)
    {
        string? name = null;
        int classes = 0;
        var inputs = new List<GraphInput>();
        var nodes = new List<GraphNode>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = Fields(lines[i]);
            FormatException Bad(string why) => new($"Graph text line {i + 1} ({why}): {lines[i]}");
            switch (f[0])
            {
                case "graph" when f.Count == 3 && name is null:
                    name = f[1];
                    classes = Int(f[2]) is int c ? c : throw Bad("classes is not a number");
                    break;
                case "input" when f.Count == 3 && name is not null && nodes.Count == 0:
                    inputs.Add(new GraphInput(f[1], Shape(f[2]) ?? throw Bad("not a shape")));
                    break;
                case "node" when f.Count is 6 or 7 && inputs.Count > 0:
                    var shape = Shape(f[4]) ?? throw Bad("not a shape");
                    long parameters = long.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : throw Bad("parameters is not a number");
                    NetworkGraph? block = null;
                    if (f.Count == 7)
                    {
                        int index = f[6].StartsWith("block ", StringComparison.Ordinal) && Int(f[6].Substring(6)) is int b ? b : -1;
                        block = index >= 0 && index < blocks.Length ? blocks[index] : throw Bad($"no block graph {f[6]} among {blocks.Length}");
                    }
                    nodes.Add(new GraphNode(f[1], f[2], f[3].Split(new[] { ", " }, StringSplitOptions.None), shape, parameters, block));
                    break;
                default:
                    throw Bad(name is null ? "expected \"graph | name | classes\" first" : "not a graph, input or node line in its place");
            }
        }
        if (name is null || inputs.Count == 0) throw new FormatException("Graph text without its \"graph\" and \"input\" lines.");
        return new NetworkGraph(name, inputs, nodes, classes);
    }

    /// <summary>The text of <paramref name="graph"/>; <paramref name="blocks"/> receives the block graphs its "block i"
    /// fields refer to (each distinct graph once, in order of first use).</summary>
    internal static string Write(NetworkGraph graph, List<NetworkGraph> blocks)
    {
        var text = new StringBuilder();
        void Line(params string[] fields) => text.Append(string.Join(Separator, fields)).Append('\n');
        Line("graph", Escape(graph.Name), graph.Classes.ToString(CultureInfo.InvariantCulture));
        foreach (var input in graph.Inputs) Line("input", Escape(input.Name), input.Shape.ToString());
        foreach (var node in graph.Nodes)
        {
            var fields = new List<string>
            {
                "node", Escape(node.Name), Escape(node.Op), string.Join(", ", node.Inputs.Select(Escape)), node.OutputShape.ToString(),
                node.Parameters.ToString(CultureInfo.InvariantCulture),
            };
            if (node.Block is { } block)
            {
                int index = blocks.FindIndex(b => ReferenceEquals(b, block));
                if (index < 0) blocks.Add(block);
                fields.Add("block " + (index < 0 ? blocks.Count - 1 : index).ToString(CultureInfo.InvariantCulture));
            }
            Line(fields.ToArray());
        }
        return text.ToString();
    }

    internal static string Escape(string field) => field.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");

    /// <summary>Splits a line at the separators that are not escaped, and unescapes each field.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                char next = line[++i];
                field.Append(next == 'n' ? '\n' : next);
            }
            else if (c == '|' && i > 0 && line[i - 1] == ' ' && i + 1 < line.Length && line[i + 1] == ' ')
            {
                fields.Add(field.ToString(0, field.Length - 1)); // without the space before the bar
                field.Clear();
                i++; // and the one after it
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static int? Int(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>"(64, 14, 14)" or "()".</summary>
    private static TensorShape? Shape(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[text.Length - 1] != ')') return null;
        var inner = text.Substring(1, text.Length - 2);
        if (inner.Length == 0) return new TensorShape();
        var dims = new List<long>();
        foreach (var part in inner.Split(new[] { ", " }, StringSplitOptions.None))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
            dims.Add(d);
        }
        return new TensorShape(dims.ToArray());
    }
}
