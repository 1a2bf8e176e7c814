using System;
using System.Globalization;
using System.Linq;
using GanDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/GanDsl.Benchmarks -- [train-step] [train-step-wgan-gp] [build-cost] [evaluate] [ide-latency [--models 1,30,300] [--edits 20] [--no-yardstick] [--profile-only] [--generated-cost]]
var which = args.Length == 0 ? new[] { "train-step", "train-step-wgan-gp", "build-cost", "evaluate" } : args;
if (!which.Any(w => w is "train-step" or "train-step-wgan-gp" or "build-cost" or "evaluate" or "ide-latency"))
{
    Console.Error.WriteLine("usage: GanDsl.Benchmarks [train-step] [train-step-wgan-gp] [build-cost] [evaluate] [ide-latency [--models 1,30,300] [--edits 20] [--no-yardstick] [--profile-only] [--generated-cost]]");
    return 2;
}
string? Option(string name) => Array.IndexOf(which, name) is int i and >= 0 && i + 1 < which.Length ? which[i + 1] : null;
if (which.Contains("train-step")) TrainStepBenchmark.Run(rounds: 80, stepsPerRound: 2, batch: 64);
if (which.Contains("train-step-wgan-gp")) TrainStepBenchmark.RunWgangp(rounds: 30, stepsPerRound: 1, batch: 64);
if (which.Contains("build-cost")) BuildCostBenchmark.Run(rounds: 15);
if (which.Contains("evaluate")) EvaluateBenchmark.Run(rounds: 3);
if (which.Contains("ide-latency"))
{
    var models = (Option("--models") ?? "1,30,300").Split(',').Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList();
    int edits = int.Parse(Option("--edits") ?? "20", CultureInfo.InvariantCulture);
    if (which.Contains("--generated-cost")) GeneratedCodeCost.Run(models, rounds: 9);
    if (which.Contains("--profile-only")) await AnalyzerProfile.RunAsync(models, rounds: 10);
    else if (!which.Contains("--generated-cost")) await IdeLatencyBenchmark.RunAsync(models, edits, warmUp: 2, yardstick: !which.Contains("--no-yardstick"));
}
return 0;
