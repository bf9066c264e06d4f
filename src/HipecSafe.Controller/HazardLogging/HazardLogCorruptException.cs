using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The existing log at the path is damaged before its end (not just torn). The writer will not append to it: it is
/// evidence, and the device must not start a procedure until someone looks at it.
/// </summary>
public sealed class HazardLogCorruptException : IOException
{
    public HazardLogCorruptException(string path, VerificationResult result)
        : base($"hazard log '{path}' is corrupt and will not be appended to: {result?.Describe()}")
    {
        LogPath = path;
        Result = result;
    }

    public HazardLogCorruptException() { }

    public HazardLogCorruptException(string message) : base(message) { }

    public HazardLogCorruptException(string message, Exception innerException) : base(message, innerException) { }

    public string? LogPath { get; }

    public VerificationResult? Result { get; }
}
