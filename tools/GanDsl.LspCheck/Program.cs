using System;
using System.Threading.Tasks;

namespace GanDsl.LspCheck;

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
            if (e.Message.Length > 0) Console.Error.WriteLine("lsp-check: " + e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }
        return await Checker.RunAsync(options);
    }
}
