using System;

namespace GanDsl;

/// <summary>
/// The application references TorchSharp (through GanDsl) but no libtorch backend package, so no tensor can be made.
/// The message names the packages to add; the inner exception is TorchSharp's own.
/// </summary>
public sealed class TorchBackendMissingException : InvalidOperationException
{
    public TorchBackendMissingException(string message, Exception innerException) : base(message, innerException) { }
}
