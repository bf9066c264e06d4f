using HipecSafe.Controller.Clock;
using System.Collections.Concurrent;
using System.Reflection;
using Akka.Actor;
using Akka.Dispatch;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Operations;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-001: one clock drives the cycles — the lockstep driver's Step in simulation, the dedicated clock thread in
/// real time. Real-time tests assert on the count and numbering of cycles with a generous upper bound on waiting,
/// never on speed.
/// </summary>
public sealed class CycleClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    [Verifies("SRS-RT-001")]
    public void In_lockstep_a_cycle_runs_only_when_the_driver_steps_and_at_the_time_the_driver_gives()
    {
        using var run = new LockstepRun();
        var times = new List<TimeSpan>();
        for (var cycle = 0; cycle < 8; cycle++)
        {
            // Irregular times: the controller takes whatever time its driver says it is.
            var time = TimeSpan.FromMilliseconds(3000 + (cycle * 130) + (cycle % 3 * 17));
            times.Add(time);
            run.Port.Cycle = cycle;
            var report = run.Runtime.Step(time, LockstepRun.Epoch + time);
            Assert.NotNull(report);
            Assert.Equal(cycle, report.Tick.Cycle);
            Assert.Equal(time, report.Tick.Time);
            Assert.Equal(cycle + 1, run.Port.Reads);
        }

        // Between steps nothing runs, even though the actor system is busy answering the operator: the alarm system
        // answers at once, a procedure command waits for the next cycle (SRS-RT-009).
        var procedure = run.Submit(OperatorAction.AddDrug);
        var alarm = run.Submit(OperatorAction.PauseAudio);
        Assert.True(alarm.IsCompleted, "an alarm command is answered at once");
        Assert.False(procedure.IsCompleted, "a procedure command was answered without a cycle");
        Assert.Equal(8, run.Port.Reads);
        Assert.Equal(8, run.Runtime.CyclesRun);
        var later = times[^1] + TimeSpan.FromMilliseconds(100);
        run.Port.Cycle = 8;
        run.Runtime.Step(later, LockstepRun.Epoch + later);
        Assert.False(run.Answer(procedure).Accepted);

        var passed = Assert.Single(run.Records(), r => r.Entry is PhaseTransitionEntry { To: Phase.Standby });
        Assert.Contains(passed.ProcedureTime, times);
        Assert.Throws<InvalidOperationException>(() => run.Runtime.StartRealTime());
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void The_real_time_clock_thread_ticks_every_cycle_in_order_at_its_scheduled_time_and_stops_when_disposed()
    {
        var period = TimeSpan.FromMilliseconds(10);
        var ticks = new ConcurrentQueue<(long Cycle, TimeSpan Due, int Thread)>();
        using var enough = new ManualResetEventSlim();
        var clock = new RealTimeCycleClock(period, (cycle, due) =>
        {
            ticks.Enqueue((cycle, due, Environment.CurrentManagedThreadId));
            if (ticks.Count >= 20)
            {
                enough.Set();
            }
        });

        clock.Start();
        Assert.True(enough.Wait(Patience), $"only {ticks.Count} ticks within {Patience.TotalSeconds} s");
        clock.Dispose();
        var seen = ticks.ToList();
        var count = seen.Count;

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), seen.Select(t => t.Cycle));
        Assert.All(seen, t => Assert.Equal(period * t.Cycle, t.Due));
        Assert.Single(seen.Select(t => t.Thread).Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, seen[0].Thread);
        Assert.Equal(count, clock.LatenessMs.Count);
        Assert.All(clock.LatenessMs, late => Assert.True(late >= 0, $"a tick ran {late} ms before its time"));
        // Dispose joined the thread: no tick after it.
        Assert.Equal(count, ticks.Count);
    }

    [Fact]
    [Verifies("SRS-RT-001", "SRS-RT-003")]
    public void In_real_time_the_clock_thread_drives_the_controller_and_the_interlocks_have_a_dispatcher_of_their_own()
    {
        using var dir = new TempDirectory();
        var profile = TreatmentProfile.Default;
        var logPath = Path.Combine(dir.Path, "hazard.jsonl");
        using var log = HazardLogWriter.Open(new HazardLogWriterOptions(logPath, "HIPEC-RT-TEST", profile.Name));
        var port = new ScriptedBoardPort();
        var reports = new ConcurrentQueue<CycleReport>();
        using var enough = new ManualResetEventSlim();
        using var runtime = ControllerRuntime.Create(new ControllerOptions(profile, ClockMode.RealTime), port, log);
        runtime.CycleCompleted += r =>
        {
            reports.Enqueue(r);
            if (reports.Count >= 10)
            {
                enough.Set();
            }
        };

        // Structure first: interlocks, bus and log each on a pinned thread; nothing else shares the interlocks' dispatcher.
        var system = SystemOf(runtime);
        Assert.Equal(ControllerTopology.InterlockDispatcher, DispatcherOf(system, ComponentNames.Interlocks));
        Assert.Equal(ControllerTopology.BusDispatcher, DispatcherOf(system, ComponentNames.BoardBus));
        Assert.Equal(ControllerTopology.LogDispatcher, DispatcherOf(system, ComponentNames.HazardLog));
        Assert.IsType<PinnedDispatcher>(system.Dispatchers.Lookup(ControllerTopology.InterlockDispatcher));
        Assert.All(ComponentNames.All.Where(c => c != ComponentNames.Interlocks),
            c => Assert.NotEqual(ControllerTopology.InterlockDispatcher, DispatcherOf(system, c)));

        Assert.Throws<InvalidOperationException>(() => runtime.Step(TimeSpan.Zero, DateTimeOffset.UnixEpoch));
        runtime.StartRealTime();
        Assert.True(enough.Wait(Patience), $"only {reports.Count} cycle reports within {Patience.TotalSeconds} s");

        // A tick the clock skipped (a late clock or a busy controller, the first ones while the JIT warms up) has no
        // report; the reports that do come are one per cycle, in cycle order.
        var seen = reports.ToList();
        log.Flush();
        var story = string.Join("\n", seen.Select(r => $"report {r.Tick.Cycle}: {r.Phase} {r.Command} [{string.Join(", ", r.LatchedCauses)}]"))
                    + "\n" + string.Join("\n", LogText(logPath));
        Assert.True(seen.Select(r => r.Tick.Cycle).Order().SequenceEqual(seen.Select(r => r.Tick.Cycle)), story);
        Assert.True(seen.Count == seen.Select(r => r.Tick.Cycle).Distinct().Count(), story);
        // Each cycle's time is the clock's schedule (n × period), not a reading of when a message happened to fire.
        Assert.All(seen, r => Assert.Equal(runtime.Options.CyclePeriod * r.Tick.Cycle, r.Tick.Time));
        Assert.True(runtime.ClockLatenessMs.Count >= seen.Count);
        Assert.True(port.Reads >= seen.Count);
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void In_lockstep_every_actor_runs_on_the_driver_s_dispatcher()
    {
        using var run = new LockstepRun();
        var system = SystemOf(run.Runtime);
        Assert.All(ComponentNames.All, c => Assert.Equal(ControllerTopology.LockstepDispatcher, DispatcherOf(system, c)));
        Assert.IsType<LockstepDispatcher>(system.Dispatchers.Lookup(ControllerTopology.LockstepDispatcher));
    }

    private static List<string> LogText(string path)
    {
        var lines = new List<string>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        HazardLogVerifier.Verify(stream, r => lines.Add($"{r.ProcedureTime} {r.Priority} {r.Entry}"));
        return lines;
    }

    // The runtime does not expose its actor system; the structure checks read it, as the trace reads the phase machine.
    private static ActorSystem SystemOf(ControllerRuntime runtime) =>
        (ActorSystem)(typeof(ControllerRuntime).GetField("_system", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(runtime)
                      ?? throw new InvalidOperationException("ControllerRuntime no longer keeps its actor system in _system; update this test"));

    private static string DispatcherOf(ActorSystem system, string component)
    {
        var actor = system.ActorSelection($"/user/controller/{component}").ResolveOne(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        return ((ActorRefWithCell)actor).Underlying.Props.Dispatcher;
    }

    private sealed class TempDirectory : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hipecsafe-runtime-");

        public string Path => _dir.FullName;

        public void Dispose()
        {
            try
            {
                _dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory must not fail the test.
            }
        }
    }
}
