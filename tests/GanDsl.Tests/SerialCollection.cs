using Xunit;

namespace GanDsl.Tests;

/// <summary>Tests that count live tensors process-wide, or need TorchSharp's process-wide random generator to
/// themselves (bit-exact resume), must not share the process with other running tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (counts live tensors)";
}
