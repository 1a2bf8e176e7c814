using System;
using System.IO;
using GanDsl;
using GanDsl.Data;
using GanDsl.Examples;
using GanDsl.Examples.Models;

ExampleArguments args;
try
{
    args = ExampleArguments.Parse(Environment.GetCommandLineArgs()[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n");
    Console.Error.WriteLine(ExampleArguments.Usage);
    return 2;
}
if (args.Help)
{
    Console.WriteLine(ExampleArguments.Usage);
    return 0;
}

var options = new GanOptions { Seed = args.Seed, Device = args.Cpu ? Device.Cpu : Device.Auto };
try
{
    switch (args.Example)
    {
        case "fashion-mlp":
        {
            using var data = FashionMnist.Load(args.Data);
            using var gan = new FashionMlpGan(options);
            return ExampleRunner.Train(gan, data, args, defaultEpochs: 5);
        }
        case "dcgan":
        {
            using var data = FashionMnist.Load(args.Data);
            using var gan = new FashionDcgan(options);
            return ExampleRunner.Train(gan, data, args, defaultEpochs: 2);
        }
        case "cifar-dcgan":
        {
            if (args.Images is null)
            {
                Console.Error.WriteLine("cifar-dcgan trains on a folder of RGB images, and CIFAR-10 cannot be downloaded here.");
                Console.Error.WriteLine("Pass one with --images DIR (PNG or JPEG; every image is resized to 32x32).");
                return 2;
            }
            using var data = ImageFolder.Load(args.Images, 32, 32);
            using var gan = new CifarDcgan(options);
            return ExampleRunner.Train(gan, data, args, defaultEpochs: 5);
        }
        default:
            Console.Error.WriteLine($"error: unknown example '{args.Example}'\n");
            Console.Error.WriteLine(ExampleArguments.Usage);
            return 2;
    }
}
catch (Exception e) when (e is IOException or InvalidDataException or CheckpointException or BatchShapeException or ArgumentException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
