using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GanDsl.Generators.Shapes;

namespace GanDsl.Generators.Emitting;

/// <summary>The nested module classes of one generated file: one per block and input shape, named after both
/// ("ResBlock_64x7x7"), in the order they are first used.</summary>
internal sealed class BlockClasses
{
    private readonly Dictionary<(string Key, Shape Input), string> _names = new();
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);
    private readonly List<(string Name, BlockInstance Instance)> _classes = new();

    public IReadOnlyList<(string Name, BlockInstance Instance)> All => _classes;

    public string NameOf(BlockInstance instance)
    {
        var key = (instance.Definition.Spec.Key, instance.Input);
        if (_names.TryGetValue(key, out var name)) return name;
        string stem = instance.Name + "_" + string.Join("x", instance.Input.Dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        name = stem;
        for (int n = 2; !_taken.Add(name); n++) name = stem + "_" + n.ToString(CultureInfo.InvariantCulture); // same name, other namespace
        _names[key] = name;
        _classes.Add((name, instance));
        return name;
    }
}
