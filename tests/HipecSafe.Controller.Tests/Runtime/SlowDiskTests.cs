using Akka.Actor;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Alarms;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Tests.HazardLogging;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// OI-11: a disk whose fsync hangs must not withhold the heartbeat. The whole controller in lockstep with its hazard
/// log on a writer thread (as in real time) and on a fake disk whose fsync waits at a gate the test holds closed:
/// while a high-priority record's fsync hangs, the hazard-log actor answers every health ping, no round is missed, and
/// the heartbeat advances every cycle; the disk shows as LOG-UNAVAILABLE once a record has waited the stall limit.
/// </summary>
public sealed class SlowDiskTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _disk = new(initialState: false);
    private readonly FakeLogFileSystem _files = new();
    private readonly ManualTimeProvider _pumpClock = new();

    public void Dispose()
    {
        _disk.Set(); // never leave the writer thread at the gate
        _disk.Dispose();
    }

    [Fact]
    [Verifies("SRS-LG-012", "SRS-RT-006", "SRS-RT-007")]
    public void While_a_high_priority_fsync_hangs_the_log_actor_answers_every_ping_and_the_heartbeat_advances_every_cycle()
    {
        using var run = new LockstepRun(logFileSystem: _files, logPump: new HazardLogPumpOptions
        {
            WriterThread = true,
            StallLimit = TimeSpan.FromSeconds(2),
            TimeProvider = _pumpClock,
        });
        try
        {
            run.ToStandby();
            var disk = _files[run.LogPath];
            disk.SyncGate = _disk;

            // A component hands the log a high-priority record (as the watchdog does when it fails one): its fsync hangs.
            var time = LockstepRun.TimeOf(run.NextCycle - 1, run.Period);
            run.Runtime.HazardLogActor.Tell(new LogEvent(LogPriority.High, time, LockstepRun.Epoch + time, new FaultEntry("test", "written while the disk hangs")));
            Assert.True(disk.SyncWaiting.Wait(HangGuard), "the writer thread never reached the fsync");

            var heartbeat = run.Port.Heartbeat;
            var from = run.NextCycle;
            const int Cycles = 30; // ten times the three missed rounds that would fail the log actor
            for (var i = 0; i < Cycles; i++)
            {
                run.Step();
                _pumpClock.AdvanceWithoutTimers(run.Period);
            }

            // Every round closed with every answer: the heartbeat moved in every cycle, nothing was failed or latched.
            var cycles = run.Reports.Skip((int)from).ToList();
            Assert.All(cycles, r => Assert.True(r!.HeartbeatWritten, $"cycle {r.Tick.Cycle}: heartbeat withheld ({string.Join("; ", r.ConstraintReasons)})"));
            Assert.Equal(Cycles, run.Port.Writes.Where(w => w.Cycle >= from).Select(w => w.Heartbeat).Distinct().Count());
            Assert.NotEqual(heartbeat, run.Port.Heartbeat);
            Assert.All(cycles, r => Assert.DoesNotContain(r!.ConstraintReasons, c => c.Contains("GATE-HEALTH-ROUND", StringComparison.Ordinal)));
            Assert.Equal(Phase.Standby, run.Last!.Phase);
            Assert.True(run.Runtime.LogRecordsWaiting > 0, "records of the cycles should be waiting for the disk");

            // The disk shows as a storage alarm: LOG-UNAVAILABLE once a record had waited 2 s (20 cycles).
            var alarm = Assert.Single(run.Last.Alarms!.Alarms, a => a.ConditionId == "LOG-UNAVAILABLE");
            Assert.Equal(AlarmState.Active, alarm.State);
            Assert.Equal(AlarmPriority.High, alarm.Priority);

            // The disk answers: everything handed over is written, in order, and the condition clears (the alarm latches).
            _disk.Set();
            Assert.True(run.Runtime.FlushLog());
            run.Steps(2);
            Assert.Equal(AlarmState.LatchedCleared, Assert.Single(run.Last.Alarms!.Alarms, a => a.ConditionId == "LOG-UNAVAILABLE").State);
            var records = new List<HazardLogRecord>();
            Assert.True(run.Runtime.FlushLog());
            Assert.NotEqual(VerificationStatus.Corrupt, HazardLogVerifier.Verify(disk.Content, records.Add).Status);
            Assert.Contains(records, r => r.Entry is FaultEntry { Source: "test" });
        }
        finally
        {
            _disk.Set(); // before the run is disposed: closing the writer waits for its fsync
        }
    }
}
