using System;
using System.Linq;
using GanDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/GanDsl.Benchmarks -- [train-step] [build-cost]
var which = args.Length == 0 ? new[] { "train-step", "build-cost" } : args;
if (which.Contains("train-step")) TrainStepBenchmark.Run(rounds: 80, stepsPerRound: 2, batch: 64);
if (which.Contains("build-cost")) BuildCostBenchmark.Run(rounds: 15);
if (!which.Any(w => w is "train-step" or "build-cost"))
{
    Console.Error.WriteLine("usage: GanDsl.Benchmarks [train-step] [build-cost]");
    return 2;
}
return 0;
