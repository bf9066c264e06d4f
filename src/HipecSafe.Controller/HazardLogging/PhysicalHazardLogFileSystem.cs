using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The real file system: one unbuffered <see cref="FileStream"/> per log, fsync through <c>Flush(true)</c>; the head
/// replaced by write-temporary, fsync, rename(2) over the head, fsync of the directory.
/// </summary>
public sealed class PhysicalHazardLogFileSystem : IHazardLogFileSystem
{
    /// <summary>Appended to the head's path to name the temporary file it is written to before the rename.</summary>
    public const string TemporarySuffix = ".tmp";

    public static PhysicalHazardLogFileSystem Instance { get; } = new();

    private PhysicalHazardLogFileSystem() { }

    public IHazardLogFile Open(string path) => new PhysicalHazardLogFile(path);

    public byte[]? ReadHead(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (stream)
        {
            // One byte over the limit is enough to call it "not a head"; a huge file is never read whole.
            var buffer = new byte[HazardLogHead.MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return buffer[..length];
        }
    }

    public void ReplaceHead(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        // rename(2) within one directory is atomic: a reader or a crash sees the old head or the new one, never a mix.
        File.Move(temporary, full, overwrite: true);
        // The rename lives in the directory: until it is synced a power loss may bring back the old head.
        DirectorySync.Flush(Path.GetDirectoryName(full)!);
    }
}
