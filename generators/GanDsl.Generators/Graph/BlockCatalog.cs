using System.Collections.Generic;
using System.Linq;
using GanDsl.Generators.Model;
using GanDsl.Generators.Ops;
using GanDsl.Generators.Shapes;
using static System.FormattableString;

namespace GanDsl.Generators.Graph;

/// <summary>A block as the networks that use it see it: its graph, and what keeps it from being used, if anything.</summary>
internal sealed class BlockDefinition
{
    public BlockDefinition(NetworkSpec spec, ValueGraph graph)
    {
        Spec = spec;
        Graph = graph;
    }

    public NetworkSpec Spec { get; }
    public ValueGraph Graph { get; }

    /// <summary>The error that makes the block unusable (its own, a cycle, or one of a block it uses) and the block it
    /// is in; null for a usable block.</summary>
    public (Problem Problem, string BlockKey)? Error { get; set; }

    /// <summary>Its attributes have compiler errors (reported by the compiler, not by GanDsl).</summary>
    public bool Malformed { get; set; }

    /// <summary>GAN019 when the block uses itself, directly or through other blocks: on its [Block] attribute that starts the cycle.</summary>
    public Problem? Cycle { get; set; }
}

/// <summary>
/// The blocks a network uses (its spec's closure), each built once, with cycles found (GAN019) and errors passed on to
/// the blocks that use broken ones, so shape inference expands only usable blocks and never loops.
/// </summary>
internal sealed class BlockCatalog
{
    private readonly Dictionary<string, BlockDefinition> _blocks = new(System.StringComparer.Ordinal);

    public static readonly BlockCatalog Empty = new(EquatableArray<NetworkSpec>.Empty);

    public BlockCatalog(EquatableArray<NetworkSpec> specs)
    {
        foreach (var spec in specs)
            if (!_blocks.ContainsKey(spec.Key)) _blocks[spec.Key] = new BlockDefinition(spec, GraphBuilder.Build(spec));
        foreach (var block in _blocks.Values) block.Cycle = FindCycle(block);
        foreach (var block in _blocks.Values) Resolve(block, new HashSet<string>(System.StringComparer.Ordinal));
    }

    public BlockDefinition? Find(string key) => key.Length > 0 && _blocks.TryGetValue(key, out var block) ? block : null;

    /// <summary>The first of a block's own errors: declaration, no layers, arguments, names, labels.</summary>
    public static Problem? OwnError(NetworkSpec spec, ValueGraph graph)
    {
        foreach (var p in spec.DeclarationProblems) if (p.IsError) return p;
        if (spec.Ops.Count == 0) return NoLayers(spec);
        foreach (var p in graph.Problems) if (p.IsError) return p;
        return null;
    }

    public static Problem NoLayers(NetworkSpec spec) =>
        new(ProblemCode.InvalidDeclaration, ProblemSeverity.Error, ProblemTarget.ModelAttribute,
            Invariant($"{spec.ClassName} declares no layers; add layer attributes such as [Dense(256)] in order"));

    private void Resolve(BlockDefinition block, HashSet<string> visiting)
    {
        if (block.Error is not null || block.Malformed || !visiting.Add(block.Spec.Key)) return;
        block.Malformed = block.Spec.HasMalformedAttributes;
        if (OwnError(block.Spec, block.Graph) is { } own) { block.Error = (own, block.Spec.Key); return; }
        if (block.Cycle is not null) { block.Error = (block.Cycle, block.Spec.Key); return; }
        foreach (var op in block.Spec.Ops)
        {
            if (op is not Block use) continue;
            var used = Find(use.Key);
            if (used is null) continue; // not a block: its own error, reported where it is used
            Resolve(used, visiting);
            block.Malformed |= used.Malformed;
            if (used.Error is not null && block.Error is null) block.Error = used.Error;
        }
    }

    /// <summary>The first [Block] of <paramref name="block"/> from which the block can be reached again.</summary>
    private Problem? FindCycle(BlockDefinition block)
    {
        var ops = block.Spec.Ops;
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i] is not Block use) continue;
            var path = PathTo(use.Key, block.Spec.Key, new HashSet<string>(System.StringComparer.Ordinal));
            if (path is null) continue;
            string chain = string.Join(" -> ", new[] { block.Spec.ClassName }.Concat(path));
            return new Problem(ProblemCode.RecursiveBlock, ProblemSeverity.Error, i,
                Invariant($"{use.Display} makes {block.Spec.ClassName} contain itself ({chain}); a block cannot use itself, directly or through other blocks"));
        }
        return null;
    }

    /// <summary>Class names from <paramref name="from"/> to <paramref name="target"/> along [Block] uses, or null.</summary>
    private List<string>? PathTo(string from, string target, HashSet<string> seen)
    {
        var block = Find(from);
        if (block is null || !seen.Add(from)) return null;
        if (from == target) return new List<string> { block.Spec.ClassName };
        foreach (var op in block.Spec.Ops)
            if (op is Block use && PathTo(use.Key, target, seen) is { } rest)
            {
                rest.Insert(0, block.Spec.ClassName);
                return rest;
            }
        return null;
    }
}
