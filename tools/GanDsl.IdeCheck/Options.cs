using System;
using System.Collections.Generic;

namespace GanDsl.IdeCheck;

internal sealed class Options
{
    public const string Usage =
        "usage: GanDsl.IdeCheck PROJECT.csproj [options]\n" +
        "  --expect ID:FILE:LINE:COL[:MESSAGE]  a diagnostic that must be reported (1-based line/column; FILE is a name\n" +
        "                                      or path suffix; MESSAGE exact). Repeatable.\n" +
        "  --span TEXT                          the exact source text under the previous --expect's span\n" +
        "  --expect-file PATH                   expectations from a file: one ID:FILE:LINE:COL[:MESSAGE] per line,\n" +
        "                                      optionally followed by a line 'span: TEXT'; '#' starts a comment\n" +
        "  --expect-generated SUFFIX            a source-generated document whose hint name ends with SUFFIX must exist\n" +
        "  --expect-fix-provider ID             a code fix provider for ID must ship beside the analyzer that reports it\n" +
        "  --id-prefix PREFIX                   diagnostics checked and listed (default GAN); others are only counted\n" +
        "  --allow-extra                        do not fail on reported PREFIX diagnostics that were not expected\n" +
        "  --property NAME=VALUE                MSBuild global property for the design-time build (e.g. Configuration=Release)\n" +
        "Exit code: 0 all expectations met, 1 a mismatch, 2 bad arguments or the project could not be loaded.";

    public string Project { get; private set; } = "";
    public List<Expectation> Expectations { get; } = new();
    public List<string> ExpectedGenerated { get; } = new();
    public List<string> ExpectedFixProviders { get; } = new();
    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string IdPrefix { get; private set; } = "GAN";
    public bool AllowExtra { get; private set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--expect": o.Expectations.Add(Expectation.Parse(Next())); break;
                case "--span":
                    if (o.Expectations.Count == 0) throw new FormatException("--span must follow an --expect");
                    o.Expectations[^1] = o.Expectations[^1] with { SpanText = Next() };
                    break;
                case "--expect-file": o.Expectations.AddRange(Expectation.ReadFile(Next())); break;
                case "--expect-generated": o.ExpectedGenerated.Add(Next()); break;
                case "--expect-fix-provider": o.ExpectedFixProviders.Add(Next()); break;
                case "--id-prefix": o.IdPrefix = Next(); break;
                case "--allow-extra": o.AllowExtra = true; break;
                case "--property":
                    var pair = Next();
                    int eq = pair.IndexOf('=');
                    if (eq < 1) throw new FormatException($"--property expects NAME=VALUE, got '{pair}'");
                    o.Properties[pair.Substring(0, eq)] = pair.Substring(eq + 1);
                    break;
                case "-h": case "--help": throw new FormatException("");
                default:
                    if (args[i].StartsWith("-", StringComparison.Ordinal) || o.Project.Length > 0)
                        throw new FormatException($"unexpected argument '{args[i]}'");
                    o.Project = args[i];
                    break;
            }
        }
        if (o.Project.Length == 0) throw new FormatException("no project given");
        return o;
    }
}
