using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace GanDsl.Tests.Properties;

/// <summary>An attribute as written: name and argument texts ("64", "Kernel = 4").</summary>
internal sealed class FuzzAttribute(string name, params string[] args)
{
    public string Name { get; set; } = name;
    public List<string> Args { get; } = args.ToList();
    public bool Parens { get; set; } = args.Length > 0;
    public FuzzAttribute Clone() => new(Name, Args.ToArray()) { Parens = Parens };
    public override string ToString() => Parens || Args.Count > 0 ? $"{Name}({string.Join(", ", Args)})" : Name;
}

/// <summary>A type declaration of a fuzzed unit; <see cref="SecondFile"/> splits it into two partial declarations.</summary>
internal sealed class FuzzClass(string name, string role)
{
    public string Name { get; set; } = name;
    public string Role { get; } = role; // "G", "D", "P" or "B" (a [GanBlock])
    public string Keyword { get; set; } = "class";
    public List<string> Modifiers { get; } = new() { "public", "partial" };
    public string TypeParameters { get; set; } = "";
    public string BaseList { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Outer { get; set; }
    public List<FuzzAttribute> Attributes { get; } = new();
    /// <summary>Attributes written on a second partial declaration in another file (null: not split).</summary>
    public List<FuzzAttribute>? SecondFile { get; set; }
}

/// <summary>One model family (generator, discriminator, [Gan] pairing) in its own namespace and files, so every
/// diagnostic and generated file can be traced back to it.</summary>
internal sealed class FuzzUnit
{
    public FuzzUnit(int index) { Index = index; Namespace = "Fz" + index.ToString(CultureInfo.InvariantCulture); }

    public int Index { get; }
    public string Namespace { get; set; }
    public bool GlobalNamespace { get; set; }
    public List<FuzzClass> Classes { get; } = new();
    public List<string> Extra { get; } = new();
    public List<string> Mutations { get; } = new();
    /// <summary>Conditions under which a mutation made the input certainly invalid (e.g. its attribute is still
    /// there): then a diagnostic must follow.</summary>
    public List<Func<bool>> Invalid { get; } = new();
    public bool MustFail() => Invalid.Any(f => f());
    public string? SyntaxDamage { get; set; }

    public string FilePrefix => "U" + Index.ToString(CultureInfo.InvariantCulture) + "_";

    public IEnumerable<(string Path, string Text)> Files()
    {
        yield return (FilePrefix + "a.cs", Render(first: true));
        if (Classes.Any(c => c.SecondFile is not null)) yield return (FilePrefix + "b.cs", Render(first: false));
    }

    private string Render(bool first)
    {
        var b = new StringBuilder("using System;\nusing GanDsl;\n");
        if (!GlobalNamespace) b.Append("namespace ").Append(Namespace).Append(" {\n");
        if (first) foreach (var e in Extra) b.Append(e).Append('\n');
        foreach (var c in Classes)
        {
            var attributes = first ? c.Attributes : c.SecondFile;
            if (attributes is null) continue;
            if (c.Outer is not null) b.Append("public partial class ").Append(c.Outer).Append(" {\n");
            foreach (var a in attributes) b.Append('[').Append(a).Append("]\n");
            b.Append(string.Join(" ", c.Modifiers)).Append(' ').Append(c.Keyword).Append(' ').Append(c.Name).Append(c.TypeParameters)
                .Append(c.BaseList.Length > 0 ? " : " + c.BaseList : "")
                .Append(c.Keyword.StartsWith("enum", StringComparison.Ordinal) ? " { }\n" : " {" + (first ? c.Body : "") + "}\n");
            if (c.Outer is not null) b.Append("}\n");
        }
        if (!GlobalNamespace) b.Append("}\n");
        var text = b.ToString();
        if (first && SyntaxDamage is not null) text = Damage(text, SyntaxDamage);
        return text;
    }

    private static string Damage(string text, string how)
    {
        // how = "kind:position" with position a fraction of the text length
        var parts = how.Split(':');
        int at = (int)(double.Parse(parts[1], CultureInfo.InvariantCulture) * text.Length);
        return parts[0] switch
        {
            "cut" => text.Substring(0, at),
            "drop" => text.Remove(at, 1),
            "brace" => text.Insert(at, "{"),
            "bracket" => text.Insert(at, "]"),
            _ => text.Insert(at, " class ;"),
        };
    }

    public override string ToString() =>
        $"unit {Index} [{string.Join("; ", Mutations)}]\n" + string.Join("\n", Files().Select(f => $"// {f.Path}\n{f.Text}"));
}

/// <summary>Seeded random valid model families and the mutations applied to them.</summary>
internal sealed class FuzzFactory(int seed)
{
    private readonly Random _random = new(seed);

    private int Pick(params int[] values) => values[_random.Next(values.Length)];
    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    public FuzzUnit Create(int index)
    {
        var unit = new FuzzUnit(index);
        string g = "G" + S(index), d = "D" + S(index), p = "P" + S(index);
        var gen = new FuzzClass(g, "G");
        var dis = new FuzzClass(d, "D");
        var pair = new FuzzClass(p, "P");
        int channels = Pick(1, 3);
        int latent = Pick(2, 8, 16);
        int side = Pick(2, 3, 4);
        int size = side * 4; // image side after two doublings
        gen.Attributes.Add(new FuzzAttribute("GanGenerator", "LatentDim = " + S(latent)));
        dis.Attributes.Add(new FuzzAttribute("GanDiscriminator", S(channels), S(size), S(size)));
        FuzzClass? block = null;
        bool pairs = true;
        switch (_random.Next(6))
        {
            case 0: // MLP
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Dense", S(Pick(8, 16))), new FuzzAttribute("LeakyReLU", "0.2"), new FuzzAttribute("BatchNorm"),
                    new FuzzAttribute("Dense", S(channels * size * size)), new FuzzAttribute("Tanh"), new FuzzAttribute("Reshape", S(channels), S(size), S(size)),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Flatten"), new FuzzAttribute("Dense", S(Pick(8, 16))), new FuzzAttribute("LeakyReLU", "0.2"),
                    new FuzzAttribute("Dropout", "0.3"), new FuzzAttribute("Dense", "1"),
                });
                break;
            case 1: // DCGAN
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Dense", S(8 * side * side), "Bias = false"), new FuzzAttribute("Reshape", "8", S(side), S(side)),
                    new FuzzAttribute("BatchNorm", "Momentum = 0.1"), new FuzzAttribute("ReLU"),
                    new FuzzAttribute("ConvTranspose2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("ReLU"),
                    new FuzzAttribute("ConvTranspose2d", S(channels), "Kernel = 5", "Stride = 2", "Same = true"), new FuzzAttribute("Tanh"),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Conv2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("LeakyReLU", "0.2"),
                    new FuzzAttribute("Conv2d", "8", "Kernel = 3", "Stride = 2", "Same = true"), new FuzzAttribute("BatchNorm", "Eps = 1e-3"),
                    new FuzzAttribute("Flatten"), new FuzzAttribute("Dense", "1"),
                });
                break;
            case 2: // upsampling
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Dense", S(4 * side * side)), new FuzzAttribute("Reshape", "4", S(side), S(side)),
                    new FuzzAttribute("Upsample", "2"), new FuzzAttribute("Conv2d", "4", "Kernel = 3", "Same = true"),
                    new FuzzAttribute("Upsample", "2"), new FuzzAttribute("ZeroPad2d", "1", "1", "1", "1"),
                    new FuzzAttribute("Conv2d", S(channels), "Kernel = 3"), new FuzzAttribute("Tanh"),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("ZeroPad2d", "0", "1", "0", "1"), new FuzzAttribute("Conv2d", "2", "Kernel = 2", "Stride = 2", "Bias = false"),
                    new FuzzAttribute("ReLU"), new FuzzAttribute("Flatten"), new FuzzAttribute("Dense", "1"),
                });
                break;
            case 3: // a graph: a residual block repeated, a skip with Add, a spectral-norm critic with Concat and pooling
                block = new FuzzClass("B" + S(index), "B");
                block.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("GanBlock"), new FuzzAttribute("ReflectionPad2d", "1"), new FuzzAttribute("Conv2d", "Channels.Same", "Kernel = 3"),
                    new FuzzAttribute("InstanceNorm"), new FuzzAttribute("ReLU"), new FuzzAttribute("Add", "\"input\""),
                });
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Dense", S(8 * side * side)), new FuzzAttribute("Reshape", "8", S(side), S(side)),
                    new FuzzAttribute("Block", $"typeof({block.Name})", "Repeat = 2"),
                    new FuzzAttribute("ConvTranspose2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("Tap", "\"up\""), new FuzzAttribute("ReLU"),
                    new FuzzAttribute("Conv2d", "Channels.Same", "Kernel = 3", "Padding = 1"), new FuzzAttribute("Add", "\"up\""),
                    new FuzzAttribute("ConvTranspose2d", S(channels), "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("Tanh"),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Conv2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1", "SpectralNorm = true"), new FuzzAttribute("LeakyReLU", "0.2"),
                    new FuzzAttribute("Tap", "\"d1\""), new FuzzAttribute("Conv2d", "4", "Kernel = 3", "Padding = 1"), new FuzzAttribute("Concat", "\"d1\""),
                    new FuzzAttribute("AvgPool2d", "2"), new FuzzAttribute("GlobalSumPool"), new FuzzAttribute("Dense", "1"),
                });
                break;
            case 4: // class-conditional networks (a [Gan] of them trains on labelled data)
                gen.Attributes[0] = new FuzzAttribute("GanGenerator", "LatentDim = " + S(latent), "Classes = 3");
                dis.Attributes[0] = new FuzzAttribute("GanDiscriminator", S(channels), S(size), S(size), "Classes = 3");
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("ConcatLabel", "4"), new FuzzAttribute("Dense", "16"), new FuzzAttribute("ConditionalBatchNorm"), new FuzzAttribute("PReLU"),
                    new FuzzAttribute("LayerNorm"),
                    new FuzzAttribute("Dense", S(channels * size * size)), new FuzzAttribute("Tanh"), new FuzzAttribute("Reshape", S(channels), S(size), S(size)),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("ConcatLabel", "1"), new FuzzAttribute("Conv2d", "4", "Kernel = 3", "Stride = 2", "Padding = 1"),
                    new FuzzAttribute("LeakyReLU", "0.2"), new FuzzAttribute("Flatten"), new FuzzAttribute("ProjectLabel", "SpectralNorm = true"),
                });
                pairs = _random.Next(2) == 0;
                break;
            default: // image-to-image: a U-Net-like generator with a skip and a PixelShuffle (a [Gan] of it is GAN020)
                gen.Attributes[0] = new FuzzAttribute("GanGenerator", S(channels), S(size), S(size));
                gen.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Conv2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("LeakyReLU", "0.2"), new FuzzAttribute("Tap", "\"e1\""),
                    new FuzzAttribute("Conv2d", "8", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("ReLU"),
                    new FuzzAttribute("ConvTranspose2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("Concat", "\"e1\""),
                    new FuzzAttribute("Conv2d", S(channels * 4), "Kernel = 3", "Padding = 1"), new FuzzAttribute("PixelShuffle", "2"), new FuzzAttribute("Tanh"),
                });
                dis.Attributes.AddRange(new[]
                {
                    new FuzzAttribute("Conv2d", "4", "Kernel = 4", "Stride = 2", "Padding = 1"), new FuzzAttribute("LeakyReLU", "0.2"),
                    new FuzzAttribute("GlobalAvgPool"), new FuzzAttribute("Dense", "1"),
                });
                pairs = _random.Next(2) == 0;
                break;
        }
        if (pairs) pair.Attributes.Add(new FuzzAttribute("Gan", $"typeof({g})", $"typeof({d})", "LearningRate = 2e-4", "DcganInit = true"));
        unit.Classes.AddRange(new[] { gen, dis, pair });
        if (block is not null) unit.Classes.Add(block);

        int mutations = _random.Next(10) switch { 0 => 0, < 5 => 1, < 8 => 2, _ => 3 };
        for (int m = 0; m < mutations; m++) Mutate(unit);
        return unit;
    }

    private static readonly string[] WrongTypes = { "\"64\"", "3.5", "true", "null", "'x'", "typeof(int)", "new int[0]" };
    private static readonly string[] NonConstant = { "System.Environment.ProcessorCount", "int.Parse(\"3\")", "Sizes.Field", "new Random().Next()" };
    private static readonly string[] Huge = { "int.MaxValue", "2147483647", "1 << 30", "65536", "46341", "100000", "1000000000" };
    private static readonly string[] LayerNames =
        { "Dense", "Conv2d", "ConvTranspose2d", "BatchNorm", "LeakyReLU", "ReLU", "Tanh", "Sigmoid", "Dropout", "Reshape", "Flatten", "Upsample", "ZeroPad2d",
          "LayerNorm", "InstanceNorm", "ReflectionPad2d", "PixelShuffle", "PReLU", "AvgPool2d", "GlobalSumPool", "GlobalAvgPool", "ConcatLabel", "ProjectLabel",
          "ConditionalBatchNorm", "Tap", "Concat", "Add", "Block" };

    private void Mutate(FuzzUnit unit)
    {
        var target = Pick(unit.Classes);
        var layers = target.Attributes.Skip(1).ToList(); // after the role attribute
        int kind = _random.Next(34);
        bool HasAttributes() => target.Attributes.Count + (target.SecondFile?.Count ?? 0) > 0;
        bool Present(FuzzAttribute a) => target.Attributes.Contains(a) || (target.SecondFile?.Contains(a) ?? false);
        FuzzAttribute? argumentOf = null;
        void Note(string what, bool mustFail = false)
        {
            unit.Mutations.Add($"{target.Name}: {what}");
            var attribute = argumentOf;
            if (mustFail) unit.Invalid.Add(attribute is null ? HasAttributes : () => Present(attribute));
        }

        switch (kind)
        {
            case 0 or 1 when target.Attributes.Count > 0: // delete an attribute
            {
                int i = _random.Next(target.Attributes.Count);
                Note($"delete [{target.Attributes[i]}]");
                target.Attributes.RemoveAt(i);
                break;
            }
            case 2 or 3 when target.Attributes.Count > 0: // duplicate
            {
                int i = _random.Next(target.Attributes.Count);
                Note($"duplicate [{target.Attributes[i]}]");
                target.Attributes.Insert(_random.Next(target.Attributes.Count + 1), target.Attributes[i].Clone());
                break;
            }
            case 4 or 5 when target.Attributes.Count > 1: // reorder
            {
                int i = _random.Next(target.Attributes.Count), j = _random.Next(target.Attributes.Count);
                (target.Attributes[i], target.Attributes[j]) = (target.Attributes[j], target.Attributes[i]);
                Note($"swap attributes {i} and {j}");
                break;
            }
            case 6 or 7 or 8 or 9 or 10 or 11: // replace an argument
            {
                var candidates = target.Attributes.Where(a => a.Args.Count > 0).ToList();
                if (candidates.Count == 0) goto default;
                var a = Pick(candidates);
                int i = _random.Next(a.Args.Count);
                string old = a.Args[i];
                int eq = old.IndexOf(" = ", StringComparison.Ordinal);
                string prefix = eq >= 0 ? old.Substring(0, eq + 3) : "";
                string value = old.Substring(prefix.Length);
                bool isInt = long.TryParse(value, out long number);
                argumentOf = a;
                int invalidBefore = unit.Invalid.Count;
                string replacement;
                switch (_random.Next(6))
                {
                    case 0:
                        replacement = Pick(WrongTypes);
                        // a char converts to int and double; 3.5 is fine where a double is expected; true is fine in a
                        // bool slot, known by its name (the current value may be an earlier mutation's wrong type)
                        bool boolSlot = prefix is "Bias = " or "Same = " or "DcganInit = " || value is "true" or "false";
                        Note($"{a.Name}: {old} -> wrong type {prefix}{replacement}", mustFail: replacement != "'x'" && (replacement != "3.5" || isInt) && (replacement != "true" || !boolSlot));
                        break;
                    case 1:
                        replacement = Pick(NonConstant);
                        if (!unit.Extra.Contains(SizesClass)) unit.Extra.Add(SizesClass);
                        Note($"{a.Name}: {old} -> non-constant {prefix}{replacement}", mustFail: true);
                        break;
                    case 2 when isInt && number > 0 && !value.StartsWith("typeof", StringComparison.Ordinal):
                        replacement = "-" + value; Note($"{a.Name}: {old} -> negative", mustFail: a.Name != "LeakyReLU"); break;
                    case 3 when isInt: replacement = "0"; Note($"{a.Name}: {old} -> 0"); break;
                    case 4: replacement = "Sizes.Big"; if (!unit.Extra.Contains(SizesClass)) unit.Extra.Add(SizesClass); Note($"{a.Name}: {old} -> const {prefix}Sizes.Big"); break;
                    default: replacement = Pick(Huge); Note($"{a.Name}: {old} -> huge {prefix}{replacement}"); break;
                }
                a.Args[i] = prefix + replacement;
                string text = a.Args[i];
                // invalid only while this very argument is still there (a later mutation may replace it again)
                if (unit.Invalid.Count > invalidBefore) unit.Invalid[^1] = () => Present(a) && a.Args.Contains(text);
                break;
            }
            case 12: // missing arguments
            {
                var candidates = target.Attributes.Where(a => a.Args.Count > 0).ToList();
                if (candidates.Count == 0) goto default;
                var a = Pick(candidates);
                a.Args.RemoveAt(_random.Next(a.Args.Count));
                if (_random.Next(2) == 0) { a.Args.Clear(); a.Parens = _random.Next(2) == 0; }
                Note($"drop argument(s) of {a.Name} -> [{a}]");
                break;
            }
            case 13: // insert a random layer with random arguments
            {
                string name = Pick(LayerNames);
                string blockName = unit.Classes.FirstOrDefault(c => c.Role == "B")?.Name ?? "Missing";
                var args = name is "Tap" or "Concat" or "Add"
                    ? new[] { Pick(new[] { "\"up\"", "\"e1\"", "\"input\"", "\"d1\"", "\"new\"", "null", "\"\"", "\"a b\"" }) }
                    : name == "Block"
                    ? new[] { Pick(new[] { $"typeof({blockName})", $"typeof({target.Name})", "typeof(int)", "null" }) }.Concat(_random.Next(2) == 0 ? new[] { "Repeat = " + S(_random.Next(-1, 4)) } : Array.Empty<string>()).ToArray()
                    : Enumerable.Range(0, _random.Next(4)).Select(_ => _random.Next(3) switch
                {
                    0 => S(_random.Next(-2, 9)),
                    1 => Pick(new[] { "Kernel", "Stride", "Padding", "OutputPadding" }) + " = " + S(_random.Next(-1, 6)),
                    _ => Pick(new[] { "Same = true", "Bias = false", "Momentum = 0.5", "Eps = 0.0", "0.5", "1.5", "SpectralNorm = true", "Affine = true", "Channels.Same" }),
                }).ToArray();
                var layer = new FuzzAttribute(name, args);
                target.Attributes.Insert(target.Attributes.Count == 0 ? 0 : 1 + _random.Next(target.Attributes.Count), layer);
                Note($"insert [{layer}]");
                break;
            }
            case 14: // the declaration kind
            {
                string keyword = Pick(new[] { "struct", "record", "record struct", "interface", "record class", "enum" });
                target.Keyword = keyword;
                // A block gets no generated half, so a record class may be one; the other kinds cannot take [GanBlock].
                Note($"declared as {keyword}", mustFail: target.Role != "B" || keyword is not ("record" or "record class"));
                break;
            }
            case 15: // modifiers
            {
                string change = Pick(new[] { "-partial", "static", "abstract", "sealed", "file", "internal" });
                if (change == "-partial") target.Modifiers.Remove("partial");
                else if (change == "file" || change == "internal") { target.Modifiers.Remove("public"); target.Modifiers.Insert(0, change); }
                else target.Modifiers.Insert(1, change);
                Note($"modifier {change}", mustFail: target.Role != "B" && change is "-partial" or "static" or "abstract");
                break;
            }
            case 16: // nested or generic
                if (_random.Next(2) == 0) { target.Outer = "Outer" + target.Name; Note("nested", mustFail: true); }
                else
                {
                    target.TypeParameters = "<T>";
                    Note("generic", mustFail: true);
                }
                break;
            case 17: // split over two files
            {
                int at = _random.Next(target.Attributes.Count + 1);
                target.SecondFile = target.Attributes.Skip(at).ToList();
                target.Attributes.RemoveRange(at, target.Attributes.Count - at);
                Note($"split at attribute {at}");
                break;
            }
            case 18: // syntax errors
                unit.SyntaxDamage = Pick(new[] { "cut", "drop", "brace", "bracket", "junk" }) + ":" + (0.2 + 0.7 * _random.NextDouble()).ToString("0.000", CultureInfo.InvariantCulture);
                Note($"syntax damage {unit.SyntaxDamage}", mustFail: !unit.SyntaxDamage.StartsWith("drop", StringComparison.Ordinal));
                unit.Invalid.Add(() => !unit.SyntaxDamage.StartsWith("drop", StringComparison.Ordinal));
                break;
            case 19: // [Gan] with wrong typeof arguments
            {
                var pair = unit.Classes.First(c => c.Role == "P");
                var gan = pair.Attributes.FirstOrDefault(a => a.Name == "Gan");
                if (gan is null || gan.Args.Count < 2) goto default;
                int i = _random.Next(2);
                string other = unit.Classes.First(c => c.Role == (i == 0 ? "D" : "G")).Name;
                argumentOf = gan;
                gan.Args[i] = Pick(new[] { "typeof(int)", "typeof(string)", "null", $"typeof({other})", "typeof(Missing)", "typeof(System.Collections.Generic.List<>)", "typeof(int[])", $"typeof({pair.Name})" });
                Note($"[Gan] argument {i} -> {gan.Args[i]}", mustFail: true);
                break;
            }
            case 20: // a base class or interface on the user's half
                target.BaseList = Pick(new[] { "Base" + unit.Namespace, "IDisposable", "System.Object" });
                if (target.BaseList.StartsWith("Base", StringComparison.Ordinal)) unit.Extra.Add($"public class {target.BaseList} {{ }}");
                if (target.BaseList == "IDisposable") target.Body = " public void Dispose() { } ";
                Note($"base list : {target.BaseList}");
                break;
            case 21: // user members that the generated half also declares
                target.Body = " " + Pick(new[] { "public int dense1;", "public static int LatentDim => 3;", "public static string Summary() => \"\";",
                    "public void Helper() { }", "public const int Size = 3;", $"public {target.Name}() {{ }}", "private int x0;" }) + " ";
                Note($"member {target.Body.Trim()}");
                break;
            case 22: // role attributes combined
            {
                string role = Pick(new[] { "GanGenerator", "GanDiscriminator(1, 4, 4)", "Gan(typeof(int), typeof(int))" });
                target.Attributes.Insert(0, new FuzzAttribute(role.Split('(')[0], role.Contains('(') ? role.Substring(role.IndexOf('(') + 1).TrimEnd(')').Split(new[] { ", " }, StringSplitOptions.None) : Array.Empty<string>()));
                Note($"add [{target.Attributes[0]}]");
                break;
            }
            case 23: // a user-defined layer attribute
                if (!unit.Extra.Any(e => e.Contains("MyLayerAttribute")))
                    unit.Extra.Add("[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)] public sealed class MyLayerAttribute : LayerAttribute { }");
                target.Attributes.Insert(target.Attributes.Count == 0 ? 0 : 1 + _random.Next(target.Attributes.Count), new FuzzAttribute("MyLayer"));
                Note("user-defined [MyLayer]");
                break;
            case 24: // names
                if (_random.Next(2) == 0) { unit.Namespace += "." + Pick(new[] { "@event", "@class", "Äbc", "@namespace" }); Note($"namespace {unit.Namespace}"); }
                else { unit.GlobalNamespace = true; Note("global namespace"); }
                break;
            case 25: // layers that are each fine but huge together
                if (_random.Next(2) == 0)
                {
                    var upsample = new FuzzAttribute("Upsample", Pick(new[] { "1000", "65536", "int.MaxValue" }));
                    target.Attributes.Insert(Math.Min(1, target.Attributes.Count), upsample);
                    Note("insert huge [Upsample]");
                    // A scale of 65536 or more overflows any image (H*W*scale^2 > int.MaxValue) and is the wrong rank
                    // for anything else: while it is there in a network, an error must follow (GAN009 or GAN004).
                    // (Judged on the model, so only while no syntax damage can have changed the rendered digits.)
                    unit.Invalid.Add(() => unit.SyntaxDamage is null && Present(upsample) && upsample.Name == "Upsample" && upsample.Args.Count == 1
                        && ValueOf(upsample.Args[0]) >= 65536
                        && target.Role is "G" or "D"
                        && target.Attributes.Any(x => x.Name is "GanGenerator" or "GanDiscriminator"));
                }
                else
                {
                    // every layer's count fits in a long, the parameter total does not
                    for (int k = 0; k < 3; k++) target.Attributes.Insert(Math.Min(1, target.Attributes.Count), new FuzzAttribute("Dense", "int.MaxValue"));
                    if (target.Role == "G" && target.Attributes.Count > 0 && target.Attributes[0].Name == "GanGenerator")
                        target.Attributes[0] = new FuzzAttribute("GanGenerator", "LatentDim = int.MaxValue");
                    Note("insert three [Dense(int.MaxValue)]");
                }
                break;
            case 26: // a huge input
                if (target.Role == "D" && target.Attributes.Count > 0 && target.Attributes[0].Name == "GanDiscriminator")
                {
                    var input = new FuzzAttribute("GanDiscriminator", Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(Huge)).ToArray());
                    target.Attributes[0] = input;
                    Note($"input [{input}]");
                    // An independent big-integer count: more than int.MaxValue elements per sample must be an error.
                    unit.Invalid.Add(() => unit.SyntaxDamage is null && Present(input) && input.Name == "GanDiscriminator" && ElementCount(input.Args) > int.MaxValue);
                }
                else goto default;
                break;
            case 27: // a block that uses itself (GAN019), directly or through the network's other block use
            {
                var block = unit.Classes.FirstOrDefault(c => c.Role == "B");
                if (block is null) goto default;
                var self = new FuzzAttribute("Block", $"typeof({block.Name})");
                block.Attributes.Add(self);
                target = block;
                Note("block uses itself");
                unit.Invalid.Add(() => unit.SyntaxDamage is null && block.Attributes.Contains(self) && self.Name == "Block" && self.Args.Count == 1
                    && self.Args[0] == $"typeof({block.Name})" && block.Attributes.Count > 0 && block.Attributes[0].Name == "GanBlock" && block.Keyword == "class"
                    && block.Outer is null && block.TypeParameters.Length == 0);
                break;
            }
            case 28: // a value name changed on one side of a skip (GAN013 or GAN014)
            {
                var named = target.Attributes.Where(a => a.Name is "Tap" or "Concat" or "Add" && a.Args.Count == 1).ToList();
                if (named.Count == 0) goto default;
                var a = Pick(named);
                a.Args[0] = Pick(new[] { "\"other\"", "\"input\"", "\"UP\"" });
                Note($"rename -> [{a}]");
                break;
            }
            case 29: // a repeat out of range (GAN006)
            {
                var uses = target.Attributes.Where(a => a.Name == "Block").ToList();
                if (uses.Count == 0) goto default;
                var a = Pick(uses);
                string repeat = "Repeat = " + Pick(new[] { "0", "-3", "1001", "int.MaxValue" });
                a.Args.RemoveAll(x => x.StartsWith("Repeat", StringComparison.Ordinal));
                a.Args.Add(repeat);
                argumentOf = a;
                Note($"[{a}]", mustFail: true);
                unit.Invalid[^1] = () => unit.SyntaxDamage is null && Present(a) && a.Name == "Block" && a.Args.Contains(repeat)
                    && target.Attributes.Concat(target.SecondFile ?? new()).Any(r => r.Name is "GanGenerator" or "GanDiscriminator" or "GanBlock");
                break;
            }
            case 30: // Classes changed on one network (GAN015, GAN016, GAN018)
            {
                if (target.Role is not ("G" or "D") || target.Attributes.Count == 0 || target.Attributes[0].Name is not ("GanGenerator" or "GanDiscriminator")) goto default;
                var role = target.Attributes[0];
                role.Args.RemoveAll(x => x.StartsWith("Classes", StringComparison.Ordinal));
                string classes = Pick(new[] { "0", "3", "5", "-1" });
                role.Args.Add("Classes = " + classes);
                role.Parens = true;
                Note($"[{role}]");
                break;
            }
            case 31: // a [Block] of a class that is not a block (GAN006)
            {
                var uses = target.Attributes.Where(a => a.Name == "Block" && a.Args.Count > 0).ToList();
                if (uses.Count == 0) goto default;
                var a = Pick(uses);
                a.Args[0] = Pick(new[] { "typeof(int)", $"typeof({unit.Classes.First(c => c.Role == "D").Name})", "null" });
                Note($"[{a}]");
                break;
            }
            default: // an empty class body with attributes only, or a second [Gan]-less pair
                target.Attributes.RemoveRange(Math.Min(1, target.Attributes.Count), Math.Max(target.Attributes.Count - 1, 0));
                Note("no layers");
                break;
        }
    }

    /// <summary>The value of an argument text this fuzzer writes (a number or one of <see cref="Huge"/>); null for
    /// anything else (a wrong type, a non-constant, a named argument).</summary>
    internal static BigInteger? ValueOf(string text) => text switch
    {
        "int.MaxValue" => int.MaxValue,
        "1 << 30" => 1 << 30,
        _ => BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    /// <summary>The product of the dimensions as written, exactly; 0 when any of them is not a plain number.</summary>
    internal static BigInteger ElementCount(IEnumerable<string> dims)
    {
        BigInteger product = 1;
        foreach (var d in dims)
        {
            if (ValueOf(d) is not { } v) return 0;
            product *= v;
        }
        return product;
    }

    private const string SizesClass = "public static class Sizes { public static int Field = 3; public const int Big = 1 << 20; }";
}
