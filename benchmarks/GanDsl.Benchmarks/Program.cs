using System;
using System.Linq;
using GanDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/GanDsl.Benchmarks -- [train-step] [build-cost] [evaluate]
var which = args.Length == 0 ? new[] { "train-step", "build-cost", "evaluate" } : args;
if (which.Contains("train-step")) TrainStepBenchmark.Run(rounds: 80, stepsPerRound: 2, batch: 64);
if (which.Contains("build-cost")) BuildCostBenchmark.Run(rounds: 15);
if (which.Contains("evaluate")) EvaluateBenchmark.Run(rounds: 3);
if (!which.Any(w => w is "train-step" or "build-cost" or "evaluate"))
{
    Console.Error.WriteLine("usage: GanDsl.Benchmarks [train-step] [build-cost] [evaluate]");
    return 2;
}
return 0;
