namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The few file operations the hazard-log writer needs. The seam exists so that disk-full and I/O errors can be
/// tested deterministically; the real one is <see cref="PhysicalHazardLogFileSystem"/>. Every operation may throw
/// <see cref="IOException"/> (or <see cref="UnauthorizedAccessException"/>): the writer turns those into
/// <see cref="HazardLogHealth"/>, never into an exception for its caller.
/// </summary>
public interface IHazardLogFile : IDisposable
{
    /// <summary>Current length in bytes.</summary>
    long Length { get; }

    /// <summary>A read-only view of the whole file from its first byte (used once, to verify it at open).</summary>
    Stream OpenRead();

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="offset"/>, handing them to the operating system (not yet stable).</summary>
    void WriteAt(long offset, ReadOnlySpan<byte> bytes);

    /// <summary>Cuts (or extends) the file to <paramref name="length"/> bytes.</summary>
    void SetLength(long length);

    /// <summary>Returns only when everything written is on stable storage (fsync).</summary>
    void FlushToDisk();
}
