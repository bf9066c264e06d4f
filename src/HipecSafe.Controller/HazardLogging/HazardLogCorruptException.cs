using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The existing log at the path is damaged before its end (not just torn), or holds less than its head file anchors
/// (records lost from its end, or the log replaced). The writer will not append to it: it is evidence, and the device
/// must not start a procedure until someone looks at it.
/// </summary>
public sealed class HazardLogCorruptException : IOException
{
    public HazardLogCorruptException(string path, VerificationResult result)
        : base($"hazard log '{path}' is corrupt and will not be appended to: {result?.Describe()}")
    {
        LogPath = path;
        Result = result;
    }

    public HazardLogCorruptException(string path, AnchoredVerification verification)
        : base($"hazard log '{path}' does not match its head file and will not be appended to: {verification?.Describe()}")
    {
        LogPath = path;
        Result = verification?.Chain;
        Anchored = verification;
    }

    public HazardLogCorruptException() { }

    public HazardLogCorruptException(string message) : base(message) { }

    public HazardLogCorruptException(string message, Exception innerException) : base(message, innerException) { }

    public string? LogPath { get; }

    /// <summary>What verifying the chain found.</summary>
    public VerificationResult? Result { get; }

    /// <summary>The log checked against its head, when the head is why the log was refused.</summary>
    public AnchoredVerification? Anchored { get; }
}
