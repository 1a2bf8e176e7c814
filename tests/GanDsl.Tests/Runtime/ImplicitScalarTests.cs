using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanDsl.Tests.Packaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace GanDsl.Tests.Runtime;

/// <summary>
/// TorchSharp 0.107 turns a double passed where it wants a <c>Scalar</c> into a native Scalar object that only its
/// finalizer frees, and passes the native pointer on without keeping the object alive. A garbage collection on another
/// thread during the native call can then free the Scalar while libtorch reads it: the run dies with "Expected false
/// to be true ... toFloat at Scalar.h" (seen once in a toy run with EmaDecay 0.99, at step ~800). The runtime therefore
/// makes every Scalar itself and keeps it alive across the call (<see cref="GanDsl.Scalars"/>). This test compiles the
/// runtime's sources and fails on any implicit conversion to Scalar, and on any TorchSharp operator between a tensor
/// and a plain number (which converts inside TorchSharp), naming file and line.
/// </summary>
public class ImplicitScalarTests
{
    [Fact]
    public void The_runtime_never_lets_TorchSharp_make_a_temporary_scalar()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root(), "src", "GanDsl"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(sources.Count > 50, $"expected the runtime's sources, found {sources.Count} files");
        var compilation = CompileRuntime(sources);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, "the runtime's sources did not compile here, so the scan would miss things:\n" + string.Join("\n", errors));

        var found = ImplicitScalars(compilation).ToList();
        Assert.True(found.Count == 0,
            $"{found.Count} implicit conversion(s) to TorchSharp.Scalar in the runtime (make the Scalar with GanDsl.Scalars and keep it alive):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_an_implicit_scalar()
    {
        // The scan itself must see the pattern it guards against, or the test above passes vacuously.
        const string code = "using TorchSharp; using static TorchSharp.torch; class C { void M(Tensor t, double d) { t.mul_(d); t.add_(t, alpha: 0.5); var x = 1 - t; var ok = t * t; } }";
        var compilation = CSharpCompilation.Create("probe", new[] { CSharpSyntaxTree.ParseText(code, path: "probe.cs") }, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(3, ImplicitScalars(compilation).Count());
    }

    private static IEnumerable<string> ImplicitScalars(CSharpCompilation compilation)
    {
        var scalar = compilation.GetTypeByMetadataName("TorchSharp.Scalar") ?? throw new InvalidOperationException("TorchSharp.Scalar not referenced");
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var expression in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>())
            {
                // TorchSharp's operators on a Tensor and a number (t * 0.5, 1 - t) make the Scalar inside TorchSharp.
                if (expression is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or AssignmentExpressionSyntax
                    && model.GetSymbolInfo(expression).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op
                    && op.ContainingAssembly?.Name == "TorchSharp"
                    && op.Parameters.Any(p => p.Type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double))
                {
                    yield return Where(tree, expression);
                    continue;
                }
                var conversion = model.GetConversion(expression);
                if (!conversion.IsImplicit || !conversion.IsUserDefined) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(expression).ConvertedType, scalar)) continue;
                yield return Where(tree, expression);
            }
        }
    }

    private static string Where(SyntaxTree tree, ExpressionSyntax expression) =>
        $"{Path.GetFileName(tree.FilePath)}:{tree.GetLineSpan(expression.Span).StartLinePosition.Line + 1}: {expression}";

    private static CSharpCompilation CompileRuntime(IEnumerable<string> paths)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = paths.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), options, path: p));
        return CSharpCompilation.Create("GanDsl", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    /// <summary>.NET 10's reference assemblies and the runtime's own dependencies (TorchSharp, SkiaSharp, ScottPlot).</summary>
    private static IEnumerable<MetadataReference> References() =>
        Basic.Reference.Assemblies.Net100.References.All
            .Concat(new[] { typeof(TorchSharp.torch), typeof(SkiaSharp.SKBitmap), typeof(ScottPlot.Plot) }
                .Select(t => MetadataReference.CreateFromFile(t.Assembly.Location)));
}
