using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using GanDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TorchSharp;
using Xunit;

namespace GanDsl.Tests.Packaging;

/// <summary>
/// A user writes <c>using GanDsl;</c> next to TorchSharp's usual usings; no public GanDsl type may then be ambiguous
/// (CS0104), as <c>Device</c> once was with <c>TorchSharp.torch.Device</c>.
/// </summary>
public sealed class PublicNameClashTests
{
    /// <summary>The usings a TorchSharp user typically has, plus every namespace GanDsl makes public types in.</summary>
    private static readonly string[] TorchSharpUsings =
    {
        "using TorchSharp;",
        "using static TorchSharp.torch;",
        "using static TorchSharp.torch.nn;",
        "using TorchSharp.Modules;",
    };

    private static IReadOnlyList<Type> GanDslPublicTypes() =>
        typeof(GanOptions).Assembly.GetExportedTypes().Where(t => !t.IsNested).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_public_type_compiles_by_its_simple_name_beside_TorchSharp_usings()
    {
        var types = GanDslPublicTypes();
        Assert.Contains(types, t => t.Name == nameof(GanOptions));   // the list is real, not empty
        var source = UsesOfEveryType(types);
        var compilation = GeneratorHarness.Compilation(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0,
            "GanDsl's public names clash with TorchSharp's (or do not compile) when used by their simple names:\n"
            + string.Join("\n", errors) + "\n\nSource:\n" + source);
    }

    [Fact]
    public void No_public_type_shares_a_name_with_a_type_the_TorchSharp_usings_import()
    {
        var imported = TypesImportedByTorchSharpUsings().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Tensor", imported);                          // the list is real, not empty
        var clashes = GanDslPublicTypes().Where(t => imported.Contains(t.Name)).Select(t => t.FullName).ToList();
        Assert.True(clashes.Count == 0, "GanDsl types named like types TorchSharp's usings import: " + string.Join(", ", clashes));
    }

    /// <summary>Types brought in by <see cref="TorchSharpUsings"/>: namespace members, and the nested types of the
    /// static-imported classes.</summary>
    private static IEnumerable<Type> TypesImportedByTorchSharpUsings()
    {
        var exported = typeof(torch).Assembly.GetExportedTypes();
        return exported.Where(t => !t.IsNested && (t.Namespace == "TorchSharp" || t.Namespace == "TorchSharp.Modules"))
            .Concat(typeof(torch).GetNestedTypes(BindingFlags.Public))
            .Concat(typeof(torch.nn).GetNestedTypes(BindingFlags.Public));
    }

    /// <summary>One file that names every type in a type context (typeof), and applies every attribute as an attribute
    /// (its short name, the constructor with the fewest parameters, default arguments).</summary>
    private static string UsesOfEveryType(IReadOnlyList<Type> types)
    {
        var text = new StringBuilder();
        foreach (var ns in types.Select(t => t.Namespace!).Distinct().Order(StringComparer.Ordinal))
            text.AppendLine($"using {ns};");
        foreach (var line in TorchSharpUsings) text.AppendLine(line);
        text.AppendLine();
        text.AppendLine("public static class EveryGanDslType");
        text.AppendLine("{");
        text.AppendLine("    public static readonly System.Type[] All =");
        text.AppendLine("    {");
        foreach (var type in types) text.AppendLine($"        typeof({OpenName(type)}),");
        text.AppendLine("    };");
        text.AppendLine("}");
        int n = 0;
        foreach (var attribute in types.Where(t => typeof(Attribute).IsAssignableFrom(t) && !t.IsAbstract))
        {
            text.AppendLine();
            text.AppendLine($"[{AttributeUse(attribute)}]");
            text.AppendLine($"public partial class AttributeTarget{n++} {{ }}");
        }
        return text.ToString();
    }

    private static string OpenName(Type type)
    {
        if (!type.IsGenericTypeDefinition) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{new string(',', type.GetGenericArguments().Length - 1)}>";
    }

    private static string AttributeUse(Type attribute)
    {
        var name = attribute.Name.EndsWith("Attribute", StringComparison.Ordinal) ? attribute.Name[..^"Attribute".Length] : attribute.Name;
        var constructor = attribute.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Where(p => !p.IsDefined(typeof(ParamArrayAttribute)))
            .Select(p => p.ParameterType == typeof(Type) ? "typeof(object)" : $"default({p.ParameterType.FullName})");
        return $"{name}({string.Join(", ", arguments)})";
    }
}
