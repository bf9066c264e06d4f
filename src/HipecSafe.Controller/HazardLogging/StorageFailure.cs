namespace HipecSafe.Controller.HazardLogging;

/// <summary>Which exceptions mean "storage failed" (and become log health), and how to say why in a line.</summary>
internal static class StorageFailure
{
    private const int LinuxNoSpace = 28; // ENOSPC: .NET on Unix puts errno in HResult
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(Exception exception) => exception is IOException or UnauthorizedAccessException;

    public static string Describe(Exception exception) => exception switch
    {
        IOException { HResult: LinuxNoSpace or WindowsDiskFull or WindowsHandleDiskFull } => $"storage full: {exception.Message}",
        UnauthorizedAccessException => $"access denied: {exception.Message}",
        _ => $"I/O error: {exception.Message}",
    };
}
