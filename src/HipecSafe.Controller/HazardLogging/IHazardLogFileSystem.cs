namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Opens the file a hazard log lives in, creating it when it does not exist, and keeps the log's head file
/// (<see cref="Core.HazardLog.HazardLogHead"/>) next to it. Every operation may throw <see cref="IOException"/> (or
/// <see cref="UnauthorizedAccessException"/>).
/// </summary>
public interface IHazardLogFileSystem
{
    IHazardLogFile Open(string path);

    /// <summary>The whole content of the head file at <paramref name="path"/>, or null when there is none.</summary>
    byte[]? ReadHead(string path);

    /// <summary>
    /// Replaces the head file at <paramref name="path"/> so that it holds, even after a power loss, either its old
    /// content or <paramref name="content"/> whole: a temporary file written and fsynced, renamed over the path, then
    /// the directory fsynced. Returns only when all of that is done.
    /// </summary>
    void ReplaceHead(string path, ReadOnlySpan<byte> content);
}
