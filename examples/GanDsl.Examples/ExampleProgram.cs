using System;
using System.IO;
using GanDsl.Data;
using GanDsl.Examples.Models;

namespace GanDsl.Examples;

/// <summary>The examples' entry point, callable from tests: parses the command line, loads data, trains.</summary>
internal static class ExampleProgram
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "evaluate") return EvaluateCommand.Run(args[1..]);
        if (args.Length > 0 && args[0] == "train-classifier") return TrainClassifierCommand.Run(args[1..]);
        if (args.Length > 0 && args[0] == "compare") return CompareCommand.Run(args[1..]);
        if (args.Length > 0 && args[0] == "toy") return Toy.ToyCommand.Run(args[1..]);
        if (args.Length > 0 && args[0] == "toy-table") return Toy.ToyTableCommand.Run(args[1..]);
        ExampleArguments parsed;
        try
        {
            parsed = ExampleArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n");
            Console.Error.WriteLine(ExampleArguments.Usage);
            return 2;
        }
        if (parsed.Help)
        {
            Console.WriteLine(ExampleArguments.Usage);
            return 0;
        }

        var options = new GanOptions { Seed = parsed.Seed, Device = parsed.Cpu ? ComputeDevice.Cpu : ComputeDevice.Auto, CheckpointEvery = parsed.CheckpointEvery };
        try
        {
            switch (parsed.Example)
            {
                case "fashion-mlp": return TrainOnFashionMnist(() => new FashionMlpGan(options), parsed, defaultEpochs: 5);
                case "dcgan": return TrainOnFashionMnist(() => new FashionDcgan(options), parsed, defaultEpochs: 2);
                case "dcgan-wgangp": return TrainOnFashionMnist(() => new FashionDcganWgangp(options), parsed, defaultEpochs: 2);
                case "dcgan-hinge-sn": return TrainOnFashionMnist(() => new FashionDcganHingeSn(options), parsed, defaultEpochs: 2);
                case "cgan": return TrainOnFashionMnist(() => new FashionCgan(options), parsed, defaultEpochs: 5);
                case "cdcgan": return TrainOnFashionMnist(() => new FashionCdcgan(options), parsed, defaultEpochs: 2);
                case "cdcgan-decay": return TrainOnFashionMnist(() => new FashionCdcganDecay(options), parsed, defaultEpochs: 3);
                case "cdcgan-ac": return TrainOnFashionMnist(() => new FashionCdcganAc(options), parsed, defaultEpochs: 2);
                case "cdcgan-ms": return TrainOnFashionMnist(() => new FashionCdcganMs(options), parsed, defaultEpochs: 1);
                case "cdcgan-up": return TrainOnFashionMnist(() => new FashionCdcganUp(options), parsed, defaultEpochs: 1);
                case "cdcgan-up-ms": return TrainOnFashionMnist(() => new FashionCdcganUpMs(options), parsed, defaultEpochs: 1);
                case "cdcgan-cbn": return TrainOnFashionMnist(() => new FashionCdcganCbn(options), parsed, defaultEpochs: 2);
                case "cifar-dcgan":
                {
                    if (parsed.Images is null)
                    {
                        Console.Error.WriteLine("cifar-dcgan trains on a folder of RGB images, and CIFAR-10 cannot be downloaded here.");
                        Console.Error.WriteLine("Pass one with --images DIR (PNG or JPEG; every image is resized to 32x32).");
                        return 2;
                    }
                    using var data = ImageFolder.Load(parsed.Images, 32, 32);
                    using var gan = new CifarDcgan(options);
                    return ExampleRunner.Train(gan, data, parsed, defaultEpochs: 5);
                }
                default:
                    Console.Error.WriteLine($"error: unknown example '{parsed.Example}'\n");
                    Console.Error.WriteLine(ExampleArguments.Usage);
                    return 2;
            }
        }
        catch (RunFolderInUseException e)
        {
            Console.Error.WriteLine($"error: '{e.Folder}' already holds {e.Holds}. Nothing was written.");
            Console.Error.WriteLine($"Continue that run with --resume {e.Folder} (it trains on in that folder), or start a new one with --out NEW_FOLDER.");
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointException or TrainingDivergedException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {MessageOf(e)}");
            return 1;
        }
    }

    /// <summary>Loads Fashion-MNIST (--data), then builds the model and trains it.</summary>
    private static int TrainOnFashionMnist<TG, TD>(Func<GanModel<TG, TD>> create, ExampleArguments parsed, int defaultEpochs)
        where TG : TorchSharp.torch.nn.Module, IGanNetwork
        where TD : TorchSharp.torch.nn.Module, IGanNetwork
    {
        using var data = FashionMnist.Load(parsed.Data);
        using var gan = create();
        return ExampleRunner.Train(gan, data, parsed, defaultEpochs);
    }

    /// <summary>An exception's message without the " (Parameter 'x')" that ArgumentException appends: the names of
    /// C# parameters mean nothing on a command line.</summary>
    private static string MessageOf(Exception e)
    {
        if (e is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            int at = e.Message.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0) return e.Message.Remove(at, suffix.Length);
        }
        return e.Message;
    }
}
