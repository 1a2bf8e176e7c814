using System;

namespace GanDsl;

/// <summary>A checkpoint that cannot be used: corrupt, truncated, or made for another model.</summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"Checkpoint '{path}' cannot be loaded: {problem}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
