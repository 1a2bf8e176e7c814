using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using GanDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Benchmarks;

/// <summary>
/// What GanDsl's generated code costs the compiler to bind, which an editor pays again on every keystroke (csharp-ls
/// recomputes the whole compilation's diagnostics): the build-cost benchmark's models, their generated files as the
/// generator writes them and as variants of that text, each compiled from nothing (Compilation.GetDiagnostics() on a
/// new compilation) in alternating rounds in one process. Timed as this thread's CPU time with the compiler's
/// concurrent build off, so other processes on the machine do not count; the ratios are the result.
/// </summary>
internal static class GeneratedCodeCost
{
    private static readonly string[] Bodies = { "Graph", "SummaryTable", "GraphText", "forward", ".ctor", "InputShape", "OutputShape", "Declaration", "ImageShape", "Load" };

    private static readonly (string Name, Func<SyntaxNode, SyntaxNode> Rewrite)[] Variants =
    {
        ("generated code as it is", n => n),
        ("Graph as constructor calls (before)", n => new GraphAsConstructorCalls().Visit(n)),
        ("without the Graph (null)", n => new Blank("Graph", "GraphText").Visit(n)),
        ("without forward's body", n => new Blank("forward").Visit(n)),
        ("without the constructors' bodies", n => new Blank(".ctor").Visit(n)),
        ("declarations only", n => WithoutModuleFields(new Blank(Bodies).Visit(n))),
        ("no generated files", _ => SyntaxFactory.CompilationUnit()),
    };

    public static void Run(IReadOnlyList<int> modelCounts, int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanModel<,>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToArray();
        Console.WriteLine();
        Console.WriteLine($"What the generated code costs the compiler: Compilation.GetDiagnostics() on a new compilation of the models and");
        Console.WriteLine($"their generated files (or a variant of them), median of {rounds} alternating rounds, this thread's CPU ms (concurrent build off):");
        Console.WriteLine("| models | " + string.Join(" | ", Variants.Select(v => v.Name + " ms")) + " |");
        Console.WriteLine("|---:|" + string.Concat(Variants.Select(_ => "---:|")));
        Measure(references, 30, 3, print: false); // warm-up: JIT of Roslyn and GanDsl
        foreach (int models in modelCounts) Measure(references, models, rounds, print: true);
    }

    private static void Measure(MetadataReference[] references, int models, int rounds, bool print)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var user = Enumerable.Range(0, (models + 2) / 3).Select(i => ModelSources.Triple(i, Math.Min(3, models - 3 * i)))
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, $"Models{i}.cs")).ToList();
        var compilation = CSharpCompilation.Create("Bench", user, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        CSharpGeneratorDriver.Create(new[] { new GanSourceGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        var generated = withGenerated.SyntaxTrees.Except(user).ToList();
        var trees = Variants.Select(v => generated.Select(t => CSharpSyntaxTree.ParseText(v.Rewrite(t.GetRoot()).ToFullString(), parse, t.FilePath)).ToList()).ToList();
        for (int i = 0; i < Variants.Length; i++)
        {
            var errors = compilation.AddSyntaxTrees(trees[i]).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new InvalidOperationException($"variant '{Variants[i].Name}' does not compile: {errors[0]}");
        }
        var times = Variants.Select(_ => new List<double>()).ToList();
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < Variants.Length; k++)
            {
                int i = (k + r) % Variants.Length; // each variant takes each place in the order in turn
                var fresh = compilation.AddSyntaxTrees(trees[i]);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                double start = ThreadCpuMs();
                fresh.GetDiagnostics();
                times[i].Add(ThreadCpuMs() - start);
            }
        if (!print) return;
        var medians = times.Select(t => TrainStepBenchmark.Median(t)).ToList();
        Console.WriteLine($"| {models} | " + string.Join(" | ", medians.Select((m, i) => i == 0 ? $"{m:F0}" : $"{m:F0} ({Ratio(times[i], times[0]):F2})")) + " |");
    }

    /// <summary>Median over rounds of this variant's time over the first's in the same round.</summary>
    private static double Ratio(List<double> variant, List<double> first) =>
        TrainStepBenchmark.Median(variant.Select((t, r) => t / first[r]).ToList());

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), in ms.</summary>
    private static double ThreadCpuMs()
    {
        const int ThreadCpuTime = 3;
        if (ClockGetTime(ThreadCpuTime, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static SyntaxNode WithoutModuleFields(SyntaxNode root) =>
        root.RemoveNodes(root.DescendantNodes().OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)), SyntaxRemoveOptions.KeepNoTrivia)!;

    /// <summary>Members of these names keep their declaration and lose what they compute (".ctor": constructor bodies).</summary>
    private sealed class Blank(params string[] names) : CSharpSyntaxRewriter
    {
        private static readonly ExpressionSyntax Throw = SyntaxFactory.ParseExpression("throw null!");

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            names.Contains(node.Identifier.Text)
                ? node.WithBody(null).WithExpressionBody(SyntaxFactory.ArrowExpressionClause(Throw)).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                : base.VisitMethodDeclaration(node);

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
            names.Contains(".ctor") && node.Body is not null ? node.WithBody(SyntaxFactory.Block()) : base.VisitConstructorDeclaration(node);

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node) =>
            names.Contains(node.Identifier.Text) && node.Initializer is not null
                ? node.WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression("null!")))
                : base.VisitPropertyDeclaration(node);

        public override SyntaxNode? VisitVariableDeclarator(VariableDeclaratorSyntax node) =>
            names.Contains(node.Identifier.Text) && node.Initializer is not null
                ? node.WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression("\"\"")))
                : base.VisitVariableDeclarator(node);
    }

    /// <summary>The Graph as the generator wrote it before it wrote GraphText: a target-typed new per node, input and
    /// shape, made from the GraphText of the class (the generated models hold no escaped characters).</summary>
    private sealed class GraphAsConstructorCalls : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            var text = visited.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).FirstOrDefault(v => v.Identifier.Text == "GraphText");
            var graph = visited.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.Text == "Graph");
            if (text is null || graph?.Initializer?.Value is not InvocationExpressionSyntax parse) return visited;
            var blocks = parse.ArgumentList.Arguments.Skip(1).Select(a => a.ToString()).ToList();
            var lines = string.Concat(text.Initializer!.Value.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" | ")).ToList();
            string Shape(string s) => "new" + s;
            string Quote(string s) => SymbolDisplay.FormatLiteral(s, quote: true);
            var head = lines[0];
            var inputs = lines.Where(l => l[0] == "input").Select(l => $"new({Quote(l[1])}, {Shape(l[2])})");
            var nodes = lines.Where(l => l[0] == "node").Select(l =>
                $"new({Quote(l[1])}, {Quote(l[2])}, new[] {{ {string.Join(", ", l[3].Split(", ").Select(Quote))} }}, {Shape(l[4])}, {l[5]}{(l.Length > 6 ? ", " + blocks[int.Parse(l[6].Substring(6), System.Globalization.CultureInfo.InvariantCulture)] : "")}),");
            string initializer = $"new(\n{Quote(head[1])},\nnew global::GanDsl.GraphInput[] {{ {string.Join(", ", inputs)} }},\nnew global::GanDsl.GraphNode[]\n{{\n{string.Join("\n", nodes)}\n}}{(head[2] == "0" ? "" : ", " + head[2])})";
            var oldGraph = graph.WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression(initializer)));
            var withoutText = visited.RemoveNode(visited.Members.OfType<FieldDeclarationSyntax>().Single(f => f.Declaration.Variables.Contains(text)), SyntaxRemoveOptions.KeepNoTrivia)!;
            return withoutText.ReplaceNode(withoutText.Members.OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == "Graph"), oldGraph);
        }
    }
}
