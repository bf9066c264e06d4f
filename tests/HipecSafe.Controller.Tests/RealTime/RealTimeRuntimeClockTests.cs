using HipecSafe.Controller.Clock;
using System.Collections.Concurrent;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Tests.Runtime;
using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// The runtime's real-time clock is the coalescing one, and the runtime tells it when the watchdog has taken each
/// tick (without that answer the clock would hold every tick for five periods). Waits on cycle reports with a
/// generous hang guard, never on speed.
/// </summary>
public sealed class RealTimeRuntimeClockTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    [Verifies("SRS-RT-001", "SRS-RT-006")]
    public void In_real_time_the_runtime_reports_each_tick_taken_by_its_watchdog_to_a_coalescing_clock()
    {
        var dir = Directory.CreateTempSubdirectory("hipecsafe-rt-clock-");
        try
        {
            var profile = TreatmentProfile.Default;
            using var log = HazardLogWriter.Open(new HazardLogWriterOptions(Path.Combine(dir.FullName, "hazard.jsonl"), "HIPEC-RT-TEST", profile.Name));
            var reports = new ConcurrentQueue<CycleReport>();
            using var enough = new ManualResetEventSlim();
            using var runtime = ControllerRuntime.Create(new ControllerOptions(profile, ClockMode.RealTime), new ScriptedBoardPort(), log);
            runtime.CycleCompleted += r =>
            {
                reports.Enqueue(r);
                if (reports.Count >= 5)
                {
                    enough.Set();
                }
            };

            runtime.StartRealTime();
            Assert.True(enough.Wait(HangGuard), $"only {reports.Count} cycle reports within {HangGuard.TotalSeconds} s");

            var clock = runtime.RealTimeClock!;
            // Every report comes from a tick the watchdog took, and its round-start notice reached the clock first.
            Assert.True(clock.Acknowledged >= 1, $"no tick acknowledged; delivered {clock.Delivered}, overruns: {string.Join("; ", clock.Overruns.Select(o => o.Describe()))}");
            Assert.True(clock.Acknowledged <= clock.Delivered);
            Assert.NotEqual("not started", clock.Scheduling);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
