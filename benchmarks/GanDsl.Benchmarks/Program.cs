using System;
using System.Linq;
using GanDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/GanDsl.Benchmarks -- [train-step] [train-step-wgan-gp] [build-cost]
string[] known = { "train-step", "train-step-wgan-gp", "build-cost" };
var which = args.Length == 0 ? known : args;
if (!which.All(known.Contains))
{
    Console.Error.WriteLine("usage: GanDsl.Benchmarks [train-step] [train-step-wgan-gp] [build-cost]");
    return 2;
}
if (which.Contains("train-step")) TrainStepBenchmark.Run(rounds: 80, stepsPerRound: 2, batch: 64);
if (which.Contains("train-step-wgan-gp")) TrainStepBenchmark.RunWgangp(rounds: 30, stepsPerRound: 1, batch: 64);
if (which.Contains("build-cost")) BuildCostBenchmark.Run(rounds: 15);
return 0;
