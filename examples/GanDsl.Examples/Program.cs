// dotnet run --project examples/GanDsl.Examples -- [example] [options]; see ExampleArguments.Usage.
return GanDsl.Examples.ExampleProgram.Run(args);
