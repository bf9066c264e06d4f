using System.Collections.Concurrent;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Tests.Runtime;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// In real time each cycle's wall-clock time is read from the injected clock (<see cref="ControllerOptions.WallClock"/>)
/// when the cycle begins, never computed from procedure time: a step of it shows in the cycle's and the log's UTC while
/// procedure time stays the cycle clock's n × period. Waits on cycle reports with a generous hang guard, never on speed.
/// </summary>
public sealed class RealTimeWallClockTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    [Verifies("SRS-LG-011", "SRS-RT-010")]
    public void A_step_of_the_injected_wall_clock_shows_in_the_cycles_and_the_log_and_procedure_time_stays_on_the_cycle_clock()
    {
        var dir = Directory.CreateTempSubdirectory("hipecsafe-rt-wall-");
        try
        {
            var wall = new SteppableWallClock(Start);
            var profile = TreatmentProfile.Default;
            var logPath = Path.Combine(dir.FullName, "hazard.jsonl");
            using var log = HazardLogWriter.Open(new HazardLogWriterOptions(logPath, "HIPEC-RT-TEST", profile.Name) { TimeProvider = wall });
            var options = new ControllerOptions(profile, ClockMode.RealTime) { WallClock = wall };
            var reports = new BlockingCollection<CycleReport>();
            var seen = new ConcurrentQueue<CycleReport>();
            using var runtime = ControllerRuntime.Create(options, new ScriptedBoardPort(), log);
            runtime.CycleCompleted += r =>
            {
                seen.Enqueue(r);
                reports.Add(r);
            };
            runtime.StartRealTime();

            CycleReport Next(Func<CycleReport, bool> wanted, string what)
            {
                while (reports.TryTake(out var r, HangGuard))
                {
                    if (wanted(r))
                    {
                        return r;
                    }
                }

                throw new TimeoutException($"no cycle report {what} within {HangGuard.TotalSeconds} s");
            }

            // An operator command is logged (accepted or refused) at the times of the last finished cycle.
            Next(r => r.Tick.Cycle >= 2, "after cycle 2");
            runtime.Command(OperatorAction.AcknowledgeAlarms);
            wall.Offset = TimeSpan.FromHours(-1);
            var stepped = Next(r => r.Tick.WallClock == Start.AddHours(-1), "read after the step");
            runtime.Command(OperatorAction.AcknowledgeAlarms);
            var after = Next(r => r.Tick.Cycle > stepped.Tick.Cycle + 1, "two cycles after the step");
            runtime.FlushLog();
            runtime.Dispose();

            // Procedure time is the cycle clock's schedule (cycle × period), whatever the wall clock did.
            Assert.All(seen, r => Assert.Equal(options.CyclePeriod * r.Tick.Cycle, r.Tick.Time));
            Assert.All(seen.Where(r => r.Tick.Cycle < stepped.Tick.Cycle - 1), r => Assert.Equal(Start, r.Tick.WallClock));
            Assert.True(after.Tick.Time > stepped.Tick.Time);
            Assert.Equal(Start.AddHours(-1), after.Tick.WallClock);

            var acknowledged = new List<HazardLogRecord>();
            using (var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var result = HazardLogVerifier.Verify(stream, r =>
                {
                    if (r.Entry is OperatorCommandEntry { Command: "AcknowledgeAlarms" })
                    {
                        acknowledged.Add(r);
                    }
                });
                Assert.NotEqual(VerificationStatus.Corrupt, result.Status);
            }

            Assert.Equal(2, acknowledged.Count);
            Assert.Equal(Start, acknowledged[0].WallClockUtc);
            Assert.Equal(Start.AddHours(-1), acknowledged[1].WallClockUtc);
            Assert.True(acknowledged[1].ProcedureTime > acknowledged[0].ProcedureTime,
                $"procedure time {acknowledged[0].ProcedureTime} then {acknowledged[1].ProcedureTime}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
