using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.HazardLogging;

/// <summary>
/// The pump in front of the writer (OI-11): on its writer thread, a blocked fsync holds up nobody who hands it records;
/// a full queue or a record that waits too long makes the log unavailable (LOG-UNAVAILABLE) instead, and the drops are
/// recorded once the disk answers. The disk is a fake whose fsync waits at a gate the test opens; nothing sleeps, and
/// the only waits are generous hang guards on events the code signals.
/// </summary>
public sealed class HazardLogPumpTests : WriterFixture, IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(2);
    private readonly ManualResetEventSlim _disk = new(initialState: false);
    private readonly List<LogAvailabilityChangedEventArgs> _availability = [];
    private HazardLogWriter? _writer;
    private HazardLogPump? _pump;

    public void Dispose()
    {
        _disk.Set(); // never leave the writer thread at the gate
        _pump?.Dispose();
        _writer?.Dispose();
        _disk.Dispose();
    }

    private HazardLogPump Start(int capacity = 4096, bool writerThread = true)
    {
        _writer = OpenWriter();
        _pump = new HazardLogPump(_writer, new HazardLogPumpOptions
        {
            WriterThread = writerThread,
            Capacity = capacity,
            StallLimit = StallLimit,
            TimeProvider = Clock,
        });
        _pump.AvailabilityChanged += (_, e) =>
        {
            lock (_availability)
            {
                _availability.Add(e);
            }
        };
        return _pump;
    }

    private IReadOnlyList<LogAvailabilityChangedEventArgs> Availability()
    {
        lock (_availability)
        {
            return [.. _availability];
        }
    }

    private void Enqueue(HazardLogPump pump, LogPriority priority, string text) =>
        pump.Enqueue(priority, TimeSpan.FromSeconds(1), Clock.GetUtcNow(), new NoteEntry(text));

    /// <summary>Closes the disk's gate and hands over one high-priority record; returns once its fsync is waiting.</summary>
    private void HangTheDiskOn(HazardLogPump pump, string text)
    {
        LogFile.SyncGate = _disk;
        Enqueue(pump, LogPriority.High, text);
        Assert.True(LogFile.SyncWaiting.Wait(HangGuard), "the writer thread never reached the fsync");
    }

    /// <summary>Opens the disk's gate and waits until everything handed over is synced.</summary>
    private bool OpenTheDiskAndFlush(HazardLogPump pump)
    {
        _disk.Set();
        return Flush(pump);
    }

    /// <summary>Asks for a flush and waits for its answer from the writer thread.</summary>
    private static bool Flush(HazardLogPump pump)
    {
        using var answered = new ManualResetEventSlim();
        var synced = false;
        pump.Flush(ok =>
        {
            synced = ok;
            answered.Set();
        });
        Assert.True(answered.Wait(HangGuard), "the flush was never answered");
        return synced;
    }

    [Fact]
    [Verifies("SRS-LG-012")]
    public void Records_handed_over_while_fsync_is_blocked_are_taken_at_once_and_written_in_order_when_it_returns()
    {
        var pump = Start();
        HangTheDiskOn(pump, "high, its fsync hangs");

        // Were Enqueue to wait for the disk, this would never finish; the guard only keeps a failure from hanging the run.
        using var handedOver = new ManualResetEventSlim();
        new Thread(() =>
        {
            foreach (var i in Enumerable.Range(1, 5))
            {
                Enqueue(pump, i % 2 == 0 ? LogPriority.High : LogPriority.Low, $"while hung {i}");
            }

            handedOver.Set();
        }) { IsBackground = true }.Start();
        Assert.True(handedOver.Wait(HangGuard), "handing over records waited for the disk");
        Assert.Equal(5, pump.Waiting);
        Assert.Empty(Availability()); // a disk that has not yet taken long is not an alarm

        Assert.True(OpenTheDiskAndFlush(pump));

        Assert.Equal(0, pump.Waiting);
        Assert.Equal(["Header", "high, its fsync hangs", "while hung 1", "while hung 2", "while hung 3", "while hung 4", "while hung 5"],
            Texts(Records(LogFile.Durable)));
    }

    [Fact]
    [Verifies("SRS-LG-012", "SRS-LG-007")]
    public void A_full_queue_makes_the_log_unavailable_drops_by_the_spill_rule_and_the_drops_are_recorded_when_the_disk_answers()
    {
        var pump = Start(capacity: 3);
        HangTheDiskOn(pump, "in flight");
        Enqueue(pump, LogPriority.Low, "low a");
        Enqueue(pump, LogPriority.Medium, "medium b");
        Enqueue(pump, LogPriority.High, "high c");
        Assert.Empty(Availability());

        Enqueue(pump, LogPriority.Info, "info d"); // the lowest of all: itself dropped
        Enqueue(pump, LogPriority.High, "high e"); // the oldest lowest-priority record, low a, makes room

        var unavailable = Assert.Single(Availability());
        Assert.False(unavailable.Available);
        Assert.StartsWith("hazard log writer queue full (3 records)", unavailable.Description, StringComparison.Ordinal);

        Assert.True(OpenTheDiskAndFlush(pump));

        var records = Records(LogFile.Durable);
        Assert.Equal(
            ["Header", "in flight", "medium b", "high c", "high e",
             "Fault: the hazard log writer queue was full (storage slower than records arrived): dropped 2 lower-priority records " +
             "(1 Info, 1 Low, 0 Medium) and refused 0 high-priority records before this point"],
            Texts(records));
        Assert.Equal(LogPriority.High, records[^1].Priority);
        Assert.Equal([false, true], Availability().Select(a => a.Available));
    }

    [Fact]
    [Verifies("SRS-LG-012")]
    public void A_record_that_waits_for_the_disk_as_long_as_the_stall_limit_makes_the_log_unavailable_until_the_disk_answers()
    {
        var pump = Start();
        HangTheDiskOn(pump, "in flight");

        Clock.AdvanceWithoutTimers(StallLimit - TimeSpan.FromTicks(1));
        pump.CheckStall();
        Assert.Empty(Availability());

        Clock.AdvanceWithoutTimers(TimeSpan.FromTicks(1));
        pump.CheckStall();
        var stalled = Assert.Single(Availability());
        Assert.False(stalled.Available);
        Assert.StartsWith("a hazard-log record has waited 2.0 s for storage (limit 2.0 s): the disk is slow or hung", stalled.Description, StringComparison.Ordinal);

        Assert.True(OpenTheDiskAndFlush(pump));
        Assert.Equal([false, true], Availability().Select(a => a.Available));
    }

    [Fact]
    [Verifies("SRS-LG-012", "SRS-LG-006")]
    public void Storage_failing_under_the_writer_makes_the_log_unavailable_through_the_pump()
    {
        var pump = Start();
        LogFile.SyncFails = true;

        Enqueue(pump, LogPriority.High, "not durable");

        Assert.False(Flush(pump));
        var unavailable = Assert.Single(Availability());
        Assert.False(unavailable.Available);
        Assert.StartsWith("Degraded { Reason = I/O error: Input/output error", unavailable.Description, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-LG-004")]
    public void Inline_the_record_is_appended_on_the_caller_s_thread_before_enqueue_returns()
    {
        var pump = Start(writerThread: false);

        Enqueue(pump, LogPriority.High, "alarm");
        LogFile.PowerLoss();

        Assert.False(pump.WriterThread);
        Assert.Equal(["Header", "alarm"], Texts(Records(LogFile.Content)));
    }
}
