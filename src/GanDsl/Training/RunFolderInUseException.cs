using System.IO;

namespace GanDsl;

/// <summary>A Fit was asked to write into a run folder that holds another run (or this run at another step).
/// Thrown before anything is written or loaded.</summary>
public sealed class RunFolderInUseException : IOException
{
    public RunFolderInUseException(string folder, string holds)
        : base($"The output folder '{folder}' already holds {holds}. Nothing was written: a new run there would overwrite " +
               "its checkpoints and metrics. Continue that run by passing the folder as resumeFrom, or write to another folder.")
    {
        Folder = folder;
        Holds = holds;
    }

    /// <summary>The run folder, as a full path.</summary>
    public string Folder { get; }

    /// <summary>What the folder holds, in words.</summary>
    public string Holds { get; }
}
