using System;

namespace GanDsl.Evaluation;

/// <summary>A classifier weights file that cannot be used: missing, truncated, corrupt, or of another layout.</summary>
public sealed class ClassifierWeightsException : Exception
{
    public ClassifierWeightsException(string origin, string problem, Exception? inner = null)
        : base($"Classifier weights '{origin}' cannot be loaded: {problem}", inner)
    {
        Origin = origin;
    }

    /// <summary>The file path, or the name of the embedded resource.</summary>
    public string Origin { get; }
}
