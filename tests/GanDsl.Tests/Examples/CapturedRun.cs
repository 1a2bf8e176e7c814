using System;
using System.IO;
using GanDsl.Examples;

namespace GanDsl.Tests.Examples;

/// <summary>Runs the examples' entry point with standard output and error captured (callers are in the serial
/// collection: Console is process-wide).</summary>
internal static class CapturedRun
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (ExampleProgram.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
