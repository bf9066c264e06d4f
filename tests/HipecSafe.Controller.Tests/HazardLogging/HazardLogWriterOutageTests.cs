using HipecSafe.TestSupport;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

public class HazardLogWriterOutageTests : WriterFixture
{
    private readonly List<HazardLogHealthChangedEventArgs> _changes = [];

    private HazardLogWriter OpenWatched(int spillCapacity = 10_000)
    {
        var writer = OpenWriter(spillCapacity);
        writer.HealthChanged += (_, change) => _changes.Add(change);
        return writer;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [Verifies("SRS-LG-006")]
    public void Disk_full_degrades_without_throwing_and_recovery_writes_the_held_records_in_order(int bytesWrittenBeforeFull)
    {
        using var writer = OpenWatched();
        Note(writer, LogPriority.High, "before");

        LogFile.DiskFullAfterBytes = bytesWrittenBeforeFull;
        var failed = Note(writer, LogPriority.High, "held 1");
        var more = new[] { Note(writer, LogPriority.Low, "held 2"), Note(writer, LogPriority.Info, "held 3") };

        Assert.Equal(new LogAppendResult(LogAppendOutcome.Buffered, null), failed);
        Assert.All(more, r => Assert.Equal(LogAppendOutcome.Buffered, r.Outcome));
        var degraded = Assert.IsType<HazardLogHealth.Degraded>(writer.Health);
        Assert.StartsWith("storage full: No space left on device", degraded.Reason, StringComparison.Ordinal);
        Assert.Equal(4, degraded.BufferedRecords); // three notes and the failure record
        Assert.Single(_changes);
        Assert.IsType<HazardLogHealth.Degraded>(_changes[0].Current);

        LogFile.DiskFullAfterBytes = -1;
        var recovered = Note(writer, LogPriority.Low, "space is back");

        Assert.Equal(new LogAppendResult(LogAppendOutcome.Durable, 6), recovered);
        Assert.IsType<HazardLogHealth.Healthy>(writer.Health);
        Assert.Equal(2, _changes.Count);
        Assert.IsType<HazardLogHealth.Healthy>(_changes[1].Current);
        LogFile.PowerLoss();
        Assert.Equal(
            ["Header", "before", "held 1",
             "Fault: hazard log storage failed (storage full: No space left on device); records from sequence 2 on were held in memory until storage recovered",
             "held 2", "held 3", "space is back",
             "Fault: log storage recovered after 5 buffered records (written above, in order)"],
            Texts(Records(LogFile.Content)));
    }

    [Fact]
    [Verifies("SRS-LG-006")]
    public void A_failed_fsync_writes_the_unsynced_records_again_instead_of_trusting_the_kernel()
    {
        using var writer = OpenWatched();
        Assert.Equal(new LogAppendResult(LogAppendOutcome.Written, 1), Note(writer, LogPriority.Low, "written, not synced"));

        LogFile.SyncFails = true;
        Assert.Equal(LogAppendOutcome.Buffered, Note(writer, LogPriority.High, "alarm").Outcome);
        LogFile.SyncFails = false;
        // After a failed fsync the kernel may have dropped the dirty pages: model the worst case.
        LogFile.PowerLoss();

        Assert.True(writer.Flush());

        var records = Records(LogFile.Content);
        Assert.Equal(
            ["Header", "written, not synced", "alarm",
             "Fault: hazard log storage failed (I/O error: Input/output error); records from sequence 1 on were held in memory until storage recovered",
             "Fault: log storage recovered after 3 buffered records (written above, in order)"],
            Texts(records));
        Assert.Equal(1, records[1].Sequence);
        Assert.Equal(LogFile.Content, LogFile.Durable);
    }

    [Fact]
    [Verifies("SRS-LG-006")]
    public void The_sync_timer_retries_storage_without_waiting_for_an_append()
    {
        using var writer = OpenWatched();
        LogFile.DiskFullAfterBytes = 0;
        Note(writer, LogPriority.High, "held");
        Clock.Advance(SyncInterval);
        Assert.IsType<HazardLogHealth.Degraded>(writer.Health);

        LogFile.DiskFullAfterBytes = -1;
        Clock.Advance(SyncInterval);

        Assert.IsType<HazardLogHealth.Healthy>(writer.Health);
        Assert.Equal(4, Records(LogFile.Durable).Count);
        Assert.Equal(2, _changes.Count);
    }

    [Fact]
    [Verifies("SRS-LG-006")]
    public void An_error_on_every_file_operation_never_reaches_the_caller()
    {
        var writer = OpenWatched();
        LogFile.Dead = true;

        var results = Enumerable.Range(0, 5).Select(i => Note(writer, (LogPriority)(i % 4), $"r{i}")).ToList();
        var flushed = writer.Flush();
        Clock.Advance(SyncInterval * 3);
        writer.Dispose();

        Assert.All(results, r => Assert.Equal(LogAppendOutcome.Buffered, r.Outcome));
        Assert.False(flushed);
        Assert.Equal("I/O error: Input/output error", Assert.IsType<HazardLogHealth.Degraded>(writer.Health).Reason);
    }

    [Fact]
    [Verifies("SRS-LG-007")]
    public void A_full_spill_buffer_drops_the_oldest_lowest_priority_record_and_never_a_high_priority_one()
    {
        using var writer = OpenWatched(spillCapacity: 4);
        LogFile.DiskFullAfterBytes = 0;

        Note(writer, LogPriority.High, "H1");                                          // held: H1, failure fault
        Note(writer, LogPriority.Low, "L1");
        Note(writer, LogPriority.Info, "I1");                                          // full
        Note(writer, LogPriority.Medium, "M1");                                        // drops I1 (lowest)
        Note(writer, LogPriority.Low, "L2");                                           // drops L1 (oldest Low)
        Note(writer, LogPriority.High, "H2");                                          // drops L2
        Assert.Equal(LogAppendOutcome.Lost, Note(writer, LogPriority.Info, "I2").Outcome); // lowest itself
        Note(writer, LogPriority.High, "H3");                                          // drops M1
        Assert.IsType<HazardLogHealth.Degraded>(writer.Health);

        Assert.Equal(LogAppendOutcome.Lost, Note(writer, LogPriority.High, "H4").Outcome); // only High held: refused

        var failed = Assert.IsType<HazardLogHealth.Failed>(writer.Health);
        Assert.Equal((4, 5L, 1L), (failed.BufferedRecords, failed.DroppedRecords, failed.LostHighPriorityRecords));
        Assert.IsType<HazardLogHealth.Failed>(_changes[^1].Current);

        LogFile.DiskFullAfterBytes = -1;
        Assert.True(writer.Flush());

        var texts = Texts(Records(LogFile.Durable));
        Assert.Equal(["Header", "H1"], texts[..2]);
        Assert.StartsWith("Fault: hazard log storage failed", texts[2], StringComparison.Ordinal);
        Assert.Equal(["H2", "H3"], texts[3..5]);
        Assert.Equal(
            "Fault: log storage recovered after 4 buffered records (written above, in order); " +
            "the spill buffer was full and dropped 5 lower-priority records (2 Info, 2 Low, 1 Medium); " +
            "1 high-priority records were lost because the buffer held only high-priority records",
            texts[5]);
        Assert.IsType<HazardLogHealth.Healthy>(writer.Health);
    }
}
