using HipecSafe.Controller.HazardLogging;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>
/// An in-memory log file that remembers what was on "stable storage" at the last fsync, so a test can pull the plug
/// (<see cref="PowerLoss"/>), and that fails on demand the way a full disk or a dying one does.
/// </summary>
internal sealed class FakeLogFile : IHazardLogFile
{
    public const int NoSpaceErrno = 28;
    private readonly MemoryStream _content = new();
    private byte[] _durable = [];

    /// <summary>Writes fail with ENOSPC after putting this many bytes of the write into the file (-1: writes succeed).</summary>
    public int DiskFullAfterBytes { get; set; } = -1;

    /// <summary>fsync fails with EIO.</summary>
    public bool SyncFails { get; set; }

    /// <summary>Every operation, even Length, fails with EIO.</summary>
    public bool Dead { get; set; }

    /// <summary>
    /// A disk that hangs: while set, every fsync waits until the test opens the gate; <see cref="SyncWaiting"/> is set
    /// once a sync is waiting at it. No sleeping anywhere: the test decides when the disk answers.
    /// </summary>
    public ManualResetEventSlim? SyncGate { get; set; }

    public ManualResetEventSlim SyncWaiting { get; } = new();

    public int SyncCount { get; private set; }

    public int OpenCount { get; set; }

    public bool IsOpen { get; set; }

    public byte[] Content => _content.ToArray();

    public byte[] Durable => _durable;

    public long Length
    {
        get
        {
            ThrowIfDead();
            return _content.Length;
        }
    }

    public Stream OpenRead()
    {
        ThrowIfDead();
        return new MemoryStream(Content, writable: false);
    }

    public void WriteAt(long offset, ReadOnlySpan<byte> bytes)
    {
        ThrowIfDead();
        _content.Position = offset;
        if (DiskFullAfterBytes >= 0)
        {
            _content.Write(bytes[..Math.Min(DiskFullAfterBytes, bytes.Length)]);
            throw new IOException("No space left on device", NoSpaceErrno);
        }

        _content.Write(bytes);
    }

    public void SetLength(long length)
    {
        ThrowIfDead();
        _content.SetLength(length);
    }

    public void FlushToDisk()
    {
        if (SyncGate is { } gate)
        {
            SyncWaiting.Set();
            gate.Wait();
        }

        ThrowIfDead();
        if (SyncFails)
        {
            throw new IOException("Input/output error", 5);
        }

        _durable = Content;
        SyncCount++;
    }

    /// <summary>Whatever was not fsynced is gone (the worst case the kernel allows).</summary>
    public void PowerLoss()
    {
        _content.SetLength(0);
        _content.Write(_durable);
    }

    /// <summary>Puts bytes at the end, as a crashed writer would have left them.</summary>
    public void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        _content.Position = _content.Length;
        _content.Write(bytes);
        _durable = Content;
    }

    public void Dispose() => IsOpen = false;

    private void ThrowIfDead()
    {
        if (Dead)
        {
            throw new IOException("Input/output error", 5);
        }
    }
}

/// <summary>
/// Hands out one <see cref="FakeLogFile"/> per path, the same one on every open, and keeps head files in memory; a
/// replaced head is durable at once (the real replacement fsyncs before it returns), so a power loss keeps it.
/// </summary>
internal sealed class FakeLogFileSystem : IHazardLogFileSystem
{
    public Dictionary<string, FakeLogFile> Files { get; } = [];

    /// <summary>Head files by path; a test may change or remove one as someone tampering would.</summary>
    public Dictionary<string, byte[]> Heads { get; } = [];

    /// <summary>Replacing a head fails with EIO.</summary>
    public bool HeadWriteFails { get; set; }

    public int HeadWrites { get; private set; }

    public FakeLogFile this[string path] => Files[path];

    public byte[]? ReadHead(string path) => Heads.TryGetValue(path, out var head) ? [.. head] : null;

    public void ReplaceHead(string path, ReadOnlySpan<byte> content)
    {
        if (HeadWriteFails)
        {
            throw new IOException("Input/output error", 5);
        }

        Heads[path] = content.ToArray();
        HeadWrites++;
    }

    public IHazardLogFile Open(string path)
    {
        if (!Files.TryGetValue(path, out var file))
        {
            file = Files[path] = new FakeLogFile();
        }

        file.OpenCount++;
        file.IsOpen = true;
        return file;
    }
}
