using System.IO;

namespace GanDsl.Data;

/// <summary>An IDX (MNIST-format) file that cannot be read: names the file and what is wrong with it.</summary>
public sealed class IdxFormatException : IOException
{
    public IdxFormatException(string filePath, string problem)
        : base($"{filePath}: {problem}")
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }
    public string Problem { get; }
}
