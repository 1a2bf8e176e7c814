using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CsCheck;

namespace GanDsl.Tests.Properties;

/// <summary>
/// CsCheck sampling made repeatable: cases come from one fixed PCG seed, so every CI run checks the same cases
/// (GANDSL_PROPERTY_SEED picks another seed to explore). On a failure, CsCheck takes over from the failing case's
/// seed to shrink it, and its report (smallest case found, printed as attribute source) is what the test throws.
/// </summary>
internal static class SeededSample
{
    private const ulong DefaultSeed = 20261123;

    /// <summary>The seed in use: GANDSL_PROPERTY_SEED when set, else the fixed default.</summary>
    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("GANDSL_PROPERTY_SEED"), out var s) ? s : DefaultSeed;

    /// <summary><paramref name="count"/> values drawn from the seed in use, for tests that check them together
    /// (no per-case shrinking); the seed comes back for failure reports.</summary>
    public static (ulong Seed, T[] Values) Draw<T>(Gen<T> gen, int count)
    {
        ulong seed = Seed;
        var pcg = new PCG(1u, seed);
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = gen.Generate(pcg, null, out _);
        return (seed, values);
    }

    public static void Run<T>(Gen<T> gen, Action<T> assert, int iter, int threads, Func<T, string> print)
    {
        ulong seed = Seed;
        var pcg = new PCG(1u, seed);
        var cases = new List<(string Seed, T Value)>(iter);
        for (int i = 0; i < iter; i++)
        {
            string state = pcg.ToString();
            cases.Add((state, gen.Generate(pcg, null, out _)));
        }

        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Index, string Seed, Exception Error)>();
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try { assert(cases[i].Value); }
            catch (Exception e) { failures.Add((i, cases[i].Seed, e)); }
        });
        if (failures.IsEmpty) return;

        (int index, string failingSeed, Exception error) = (int.MaxValue, "", null!);
        foreach (var f in failures) if (f.Index < index) (index, failingSeed, error) = f;
        var firstReport = $"case {index} of seed {seed} (CsCheck seed \"{failingSeed}\") failed:\n{print(cases[index].Value)}\n{error.Message}";
        try
        {
            // CsCheck replays the failing seed first, then keeps sampling and shrinking for a smaller failure.
            gen.Sample(assert, seed: failingSeed, iter: 2000, threads: threads, print: print);
        }
        catch (Exception shrunk)
        {
            throw new Exception(firstReport + "\n\nshrunk by CsCheck:\n" + shrunk.Message, shrunk);
        }
        throw new Exception(firstReport);
    }
}
