namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// A log file on disk. Writes are unbuffered (bufferSize 0), so a record handed to <see cref="WriteAt"/> is in the
/// kernel when the call returns and survives a crash of this process; <see cref="FlushToDisk"/> is fsync, which is
/// what survives a power loss (FileOptions.WriteThrough alone does not give that on Linux).
/// </summary>
internal sealed class PhysicalHazardLogFile : IHazardLogFile
{
    private readonly string _path;
    private readonly FileStream _stream;
    private bool _directoryNeedsSync;

    public PhysicalHazardLogFile(string path)
    {
        _path = Path.GetFullPath(path);
        var created = !File.Exists(_path);
        // Readers (log verify) may look while the device runs; nobody else may write.
        _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        _directoryNeedsSync = created;
    }

    public long Length => _stream.Length;

    public Stream OpenRead() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 64 * 1024);

    public void WriteAt(long offset, ReadOnlySpan<byte> bytes)
    {
        _stream.Position = offset;
        _stream.Write(bytes);
    }

    public void SetLength(long length) => _stream.SetLength(length);

    public void FlushToDisk()
    {
        _stream.Flush(flushToDisk: true);
        if (_directoryNeedsSync)
        {
            // A new file's name lives in its directory: without this, a power loss can lose the whole log.
            DirectorySync.Flush(Path.GetDirectoryName(_path)!);
            _directoryNeedsSync = false;
        }
    }

    public void Dispose() => _stream.Dispose();
}
