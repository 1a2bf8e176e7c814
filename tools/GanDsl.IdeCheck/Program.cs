using System;
using System.Threading.Tasks;
using Microsoft.Build.Locator;

namespace GanDsl.IdeCheck;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (FormatException e)
        {
            if (e.Message.Length > 0) Console.Error.WriteLine("ide-check: " + e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        // Before any MSBuild or MSBuildWorkspace type is touched: Checker is a separate class for that reason.
        var instance = MSBuildLocator.RegisterDefaults();
        Console.WriteLine($"ide-check: MSBuild {instance.Version} from {instance.MSBuildPath}");
        return await Checker.RunAsync(options);
    }
}
