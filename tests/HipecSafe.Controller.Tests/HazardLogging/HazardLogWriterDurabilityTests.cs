using HipecSafe.TestSupport;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Controller.Tests.HazardLogging;

public class HazardLogWriterDurabilityTests : WriterFixture
{
    [Fact]
    [Verifies("SRS-LG-004")]
    public void A_high_priority_record_is_on_stable_storage_when_append_returns()
    {
        using var writer = OpenWriter();

        var result = Note(writer, LogPriority.High, "alarm");
        LogFile.PowerLoss();

        Assert.Equal(new LogAppendResult(LogAppendOutcome.Durable, 1), result);
        Assert.Equal(["Header", "alarm"], Texts(Records(LogFile.Content)));
        Assert.Equal("log-under-test", writer.Header.LogId);
    }

    [Fact]
    [Verifies("SRS-LG-004")]
    public void A_lower_priority_record_is_written_at_once_and_synced_within_the_interval()
    {
        using var writer = OpenWriter();

        var result = Note(writer, LogPriority.Low, "pump speed changed");

        Assert.Equal(new LogAppendResult(LogAppendOutcome.Written, 1), result);
        Assert.Equal(["Header", "pump speed changed"], Texts(Records(LogFile.Content)));
        Assert.Equal(["Header"], Texts(Records(LogFile.Durable)));

        Clock.Advance(SyncInterval);

        Assert.Equal(["Header", "pump speed changed"], Texts(Records(LogFile.Durable)));
    }

    [Fact]
    [Verifies("SRS-LG-004")]
    public void A_late_sync_timer_does_not_delay_the_sync_past_the_interval()
    {
        using var writer = OpenWriter();
        Note(writer, LogPriority.Info, "first");

        Clock.AdvanceWithoutTimers(SyncInterval);
        var result = Note(writer, LogPriority.Info, "second");

        Assert.Equal(LogAppendOutcome.Durable, result.Outcome);
        Assert.Equal(["Header", "first", "second"], Texts(Records(LogFile.Durable)));
    }

    [Fact]
    public void Lower_priority_records_become_durable_with_the_next_high_priority_record()
    {
        using var writer = OpenWriter();
        Note(writer, LogPriority.Low, "a");
        Note(writer, LogPriority.Medium, "b");
        var syncsBefore = LogFile.SyncCount;

        Note(writer, LogPriority.High, "c");
        LogFile.PowerLoss();

        Assert.Equal(syncsBefore + 1, LogFile.SyncCount);
        Assert.Equal(["Header", "a", "b", "c"], Texts(Records(LogFile.Content)));
    }

    [Fact]
    [Verifies("SRS-LG-004")]
    public void Dispose_syncs_what_is_pending_and_closes_the_file()
    {
        var writer = OpenWriter();
        Note(writer, LogPriority.Info, "last words");

        writer.Dispose();
        LogFile.PowerLoss();

        Assert.Equal(["Header", "last words"], Texts(Records(LogFile.Content)));
        Assert.False(LogFile.IsOpen);
        Assert.Throws<ObjectDisposedException>(() => Note(writer, LogPriority.High, "too late"));
    }

    [Fact]
    [Verifies("SRS-LG-001")]
    public void Several_threads_appending_at_once_produce_one_valid_chain_with_each_threads_order_kept()
    {
        using var writer = OpenWriter();
        const int threads = 8;
        const int perThread = 150;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var priority = (LogPriority)(i % 4);
                writer.Append(priority, TimeSpan.FromSeconds(1), Clock.GetUtcNow(), new NoteEntry($"{thread}:{i}"));
            }
        });
        writer.Flush();

        var records = Records(LogFile.Durable);
        Assert.Equal(1 + (threads * perThread), records.Count);
        var byThread = Texts(records.Skip(1)).Select(t => t.Split(':')).GroupBy(p => p[0]);
        Assert.All(byThread, g => Assert.Equal(Enumerable.Range(0, perThread), g.Select(p => int.Parse(p[1]))));
    }

    [Fact]
    [Verifies("SRS-LG-003")]
    public void Procedure_time_going_backwards_is_logged_as_a_fault_and_clamped()
    {
        using var writer = OpenWriter();
        Note(writer, LogPriority.Info, "at 10 s", seconds: 10);

        Note(writer, LogPriority.High, "at 9 s", seconds: 9);

        var records = Records(LogFile.Content);
        Assert.Equal(
            ["Header", "at 10 s",
             "Fault: procedure time 00:00:09 given for a Note record is earlier than the last logged 00:00:10; that record is logged at 00:00:10",
             "at 9 s"],
            Texts(records));
        Assert.Equal(TimeSpan.FromSeconds(10), records[^1].ProcedureTime);
        Assert.Equal(TimeSpan.FromSeconds(10), writer.LastProcedureTime);
    }

    [Fact]
    public void Misuse_is_refused_with_a_specific_error()
    {
        using var writer = OpenWriter();

        Assert.Throws<ArgumentException>(
            () => writer.Append(LogPriority.Info, TimeSpan.Zero, Clock.GetUtcNow(), new LogHeaderEntry(1, "d", "p", "l")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Note(writer, (LogPriority)9, "x"));
        Assert.Equal(["Header"], Texts(Records(LogFile.Content)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_too_large_for_a_record_is_logged_as_a_fault_that_keeps_its_start(bool storageFailing)
    {
        using var writer = OpenWriter();
        LogFile.SyncFails = storageFailing;

        var result = Note(writer, LogPriority.High, "crash report " + new string('x', HazardLogFormat.MaxLineBytes));
        LogFile.SyncFails = false;
        writer.Flush();

        Assert.Equal(storageFailing ? LogAppendOutcome.Buffered : LogAppendOutcome.Durable, result.Outcome);
        var replaced = Records(LogFile.Durable).Select(r => r.Entry).OfType<FaultEntry>().First();
        Assert.StartsWith("a Note record of 65", replaced.Description, StringComparison.Ordinal);
        Assert.Contains("-byte record limit; it is replaced by this record, which keeps its start: NoteEntry { Kind = Note, Text = crash report xxx", replaced.Description, StringComparison.Ordinal);
        Assert.EndsWith("x…", replaced.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_checked_naming_the_option()
    {
        var options = new HazardLogWriterOptions(LogPath, "dev", "prof") { FileSystem = FileSystem, SpillCapacity = 0 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HazardLogWriter.Open(options));

        Assert.Equal("SpillCapacity", error.ParamName);
    }
}
