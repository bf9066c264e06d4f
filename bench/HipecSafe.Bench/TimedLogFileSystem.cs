using System.Diagnostics;
using HipecSafe.Controller.HazardLogging;

namespace HipecSafe.Bench;

/// <summary>
/// The real hazard-log file system with a stopwatch around the two operations that wait for the disk: the log's fsync
/// (<see cref="IHazardLogFile.FlushToDisk"/>) and the head's replacement (temporary file, fsync, rename, directory fsync).
/// </summary>
internal sealed class TimedLogFileSystem : IHazardLogFileSystem
{
    private readonly IHazardLogFileSystem _inner = PhysicalHazardLogFileSystem.Instance;
    private readonly List<double> _fsyncMs = [];
    private readonly List<double> _headMs = [];

    public IReadOnlyList<double> FsyncMs => _fsyncMs;

    public IReadOnlyList<double> HeadMs => _headMs;

    /// <summary>Forgets what was measured so far (the open's own syncs).</summary>
    public void Reset()
    {
        _fsyncMs.Clear();
        _headMs.Clear();
    }

    public IHazardLogFile Open(string path) => new TimedFile(_inner.Open(path), _fsyncMs);

    public byte[]? ReadHead(string path) => _inner.ReadHead(path);

    public void ReplaceHead(string path, ReadOnlySpan<byte> content)
    {
        var started = Stopwatch.GetTimestamp();
        _inner.ReplaceHead(path, content);
        _headMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private sealed class TimedFile(IHazardLogFile inner, List<double> fsyncMs) : IHazardLogFile
    {
        public long Length => inner.Length;

        public Stream OpenRead() => inner.OpenRead();

        public void WriteAt(long offset, ReadOnlySpan<byte> bytes) => inner.WriteAt(offset, bytes);

        public void SetLength(long length) => inner.SetLength(length);

        public void FlushToDisk()
        {
            var started = Stopwatch.GetTimestamp();
            inner.FlushToDisk();
            fsyncMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        public void Dispose() => inner.Dispose();
    }
}
