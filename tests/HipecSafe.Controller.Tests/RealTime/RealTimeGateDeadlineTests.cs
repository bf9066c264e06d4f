using System.Collections.Concurrent;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Tests.Runtime;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.ControllerFaults;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// SRS-GT-007 in real time: the clock thread tells the gate each cycle's deadline, so a control loop that hangs (the
/// rig's stall injection blocks its thread) does not stop the cycles: the gate decides them without it, heater off.
/// Waits on cycle reports with a generous hang guard, never on speed.
/// </summary>
public sealed class RealTimeGateDeadlineTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    [Verifies("SRS-GT-007", "SRS-RT-001")]
    public void In_real_time_the_cycles_of_a_hung_control_loop_are_decided_at_the_gate_s_deadline_with_the_heater_off()
    {
        var dir = Directory.CreateTempSubdirectory("hipecsafe-rt-deadline-");
        try
        {
            var profile = TreatmentProfile.Default;
            var options = new ControllerOptions(profile, ClockMode.RealTime);
            var faults = new ControllerFaultInjection(ClockMode.RealTime, options.CyclePeriod);
            using var log = HazardLogWriter.Open(new HazardLogWriterOptions(Path.Combine(dir.FullName, "hazard.jsonl"), "HIPEC-RT-TEST", profile.Name));
            var reports = new ConcurrentQueue<CycleReport>();
            using var started = new ManualResetEventSlim();
            using var decidedAlone = new ManualResetEventSlim();
            using var runtime = ControllerRuntime.Create(options with { Decorator = faults }, new ScriptedBoardPort(), log);
            faults.Attach(runtime);
            runtime.CycleCompleted += r =>
            {
                reports.Enqueue(r);
                if (reports.Count >= 3)
                {
                    started.Set();
                }

                if (r.ConstraintReasons.Any(c => c.Contains("GATE-CONTROL-LATE", StringComparison.Ordinal)))
                {
                    decidedAlone.Set();
                }
            };

            runtime.StartRealTime();
            Assert.True(started.Wait(HangGuard), $"only {reports.Count} cycle reports within {HangGuard.TotalSeconds} s");
            // Four periods: longer than the deadline, shorter than the three rounds that would fail the loop.
            faults.Stall(ComponentNames.ControlLoop, options.CyclePeriod * 4);
            Assert.True(decidedAlone.Wait(HangGuard), "no cycle was decided at the gate's deadline while the control loop hung");

            var alone = reports.First(r => r.ConstraintReasons.Any(c => c.Contains("GATE-CONTROL-LATE", StringComparison.Ordinal)));
            Assert.False(alone.Command.HeaterEnabled);
            Assert.Equal(0, alone.Command.HeaterPowerPermille);
            runtime.FlushLog();
            var faultsLogged = new List<FaultEntry>();
            using (var stream = new FileStream(Path.Combine(dir.FullName, "hazard.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                HazardLogVerifier.Verify(stream, r =>
                {
                    if (r.Entry is FaultEntry f)
                    {
                        faultsLogged.Add(f);
                    }
                });
            }

            Assert.Contains(faultsLogged, f => f.Source == "interlocks" && f.Description.Contains($"no control output for cycle {alone.Tick.Cycle}", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
