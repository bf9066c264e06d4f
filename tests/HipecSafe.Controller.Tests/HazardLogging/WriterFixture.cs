using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>A writer over a fake file and a manual clock, and helpers to read back what reached the file.</summary>
public abstract class WriterFixture
{
    protected const string LogPath = "/logs/hazard.jsonl";

    internal FakeLogFileSystem FileSystem { get; } = new();

    internal ManualTimeProvider Clock { get; } = new();

    internal FakeLogFile LogFile => FileSystem[LogPath];

    protected static string HeadPath => HazardLogHead.PathFor(LogPath);

    /// <summary>The log checked against its head as <c>hipecsafe log verify</c> checks it.</summary>
    protected AnchoredVerification VerifyAnchored(byte[]? log = null) =>
        HazardLogVerifier.VerifyAnchored(new MemoryStream(log ?? LogFile.Content), FileSystem.ReadHead(HeadPath));

    protected static TimeSpan SyncInterval => TimeSpan.FromSeconds(1);

    protected HazardLogWriter OpenWriter(int spillCapacity = 10_000) => HazardLogWriter.Open(
        new HazardLogWriterOptions(LogPath, "HIPEC-0042", "default-41C")
        {
            FileSystem = FileSystem,
            TimeProvider = Clock,
            SyncInterval = SyncInterval,
            SpillCapacity = spillCapacity,
            NewLogId = () => "log-under-test",
        });

    protected LogAppendResult Note(HazardLogWriter writer, LogPriority priority, string text, double seconds = 1) =>
        writer.Append(priority, TimeSpan.FromSeconds(seconds), Clock.GetUtcNow(), new NoteEntry(text));

    /// <summary>The records in <paramref name="bytes"/>, asserting the log has the expected status.</summary>
    protected static List<HazardLogRecord> Records(byte[] bytes, VerificationStatus expected = VerificationStatus.Intact)
    {
        var records = new List<HazardLogRecord>();
        var result = HazardLogVerifier.Verify(bytes, records.Add);
        Assert.True(result.Status == expected, result.Describe());
        return records;
    }

    /// <summary>Each record in a line of text: note text, "Fault: …", "Sealed: …", "Not sealed: …" or "Header".</summary>
    protected static List<string> Texts(IEnumerable<HazardLogRecord> records) => records.Select(r => r.Entry switch
    {
        NoteEntry note => note.Text,
        FaultEntry fault => "Fault: " + fault.Description,
        LogHeaderEntry => "Header",
        LogSealedEntry seal => "Sealed: " + seal.Reason,
        LogNotSealedEntry marker => "Not sealed: " + marker.Detail,
        var other => other.Kind.ToString(),
    }).ToList();
}
