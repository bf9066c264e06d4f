using HipecSafe.Controller.Faults;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// A hung actor in lockstep (InjectStall holds its messages back for the stall's length in cycles): the watchdog
/// withholds the heartbeat from the first missed round, fails the component after three, and the actuators go safe.
/// </summary>
public sealed class WatchdogStallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    private void Trace(LockstepRun run, long from)
    {
        foreach (var w in run.Port.Writes.Where(w => w.Cycle >= from))
        {
            output.WriteLine($"write cycle {w.Cycle}: {w.Command} heartbeat {w.Heartbeat}");
        }

        for (var c = (int)from; c < run.Reports.Count; c++)
        {
            var r = run.Reports[c];
            output.WriteLine(r is null ? $"cycle {c}: no report" : $"cycle {c}: {r.Phase} {r.Command} heartbeat written {r.HeartbeatWritten}");
        }
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007", "SRS-RT-008")]
    public void A_stalled_control_loop_is_failed_within_four_cycles_the_actuators_go_safe_and_the_heartbeat_stops()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;
        var heartbeat = run.Port.Writes[^1].Heartbeat;

        run.Runtime.Inject(ComponentNames.ControlLoop, new InjectStall(Stall));
        var cycles = Enumerable.Range(0, 4).Select(_ => run.Step()).ToList();
        Trace(run, c + 1);

        // c+1: the chain stops at the stalled loop; nothing new is written.
        Assert.Null(cycles[0]);
        Assert.Empty(run.Port.WritesIn(c + 1));
        // c+2, c+3: the loop is late: heater off, no heartbeat.
        for (var i = 1; i <= 2; i++)
        {
            Assert.NotNull(cycles[i]);
            Assert.False(cycles[i]!.Command.HeaterEnabled);
            Assert.Equal(0, cycles[i]!.Command.HeaterPowerPermille);
            Assert.False(cycles[i]!.HeartbeatWritten);
        }

        // c+4: the third missed round fails the loop: safe state, safe command.
        Assert.NotNull(cycles[3]);
        Assert.Equal(Phase.SafeState, cycles[3]!.Phase);
        Assert.Equal(ActuatorCommand.Safe, cycles[3]!.Command);

        // Through the stall and after it, the heartbeat never moves again: the failure is latched.
        run.Steps(30);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > c), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= c + 4), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.All(run.Reports.Skip((int)c + 5), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.SafeState, r.Phase);
        });

        var records = run.Records();
        var failure = Assert.Single(records, r => r.Entry is FaultEntry { Source: "watchdog" } f && f.Description.Contains(ComponentNames.ControlLoop, StringComparison.Ordinal));
        Assert.Equal(LogPriority.High, failure.Priority);
        Assert.Equal(LockstepRun.TimeOf(c + 4, run.Period), failure.ProcedureTime);
        Assert.Contains(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered } && r.Priority == LogPriority.High);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_stalled_interlock_actor_is_failed_within_four_cycles_the_actuators_go_safe_and_the_heartbeat_stops()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;
        var heartbeat = run.Port.Writes[^1].Heartbeat;

        run.Runtime.Inject(ComponentNames.Interlocks, new InjectStall(Stall));
        run.Steps(4);
        Trace(run, c + 1);

        // Whatever else happens while the interlocks hang, no heartbeat is written and, from the failing round on, only safe.
        var safe = run.Port.Writes.Where(w => w.Cycle > c).ToList();
        Assert.NotEmpty(safe);
        Assert.All(safe, w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.True(run.Port.WritesIn(c + 4).Count > 0, "the bus must write the safe command in the cycle the watchdog fails the interlocks");
        Assert.Equal(ActuatorCommand.Safe, run.Port.Held);

        run.Steps(30);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > c), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= c + 4), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.Single(run.Entries<FaultEntry>(), f => f.Source == "watchdog" && f.Description.Contains(ComponentNames.Interlocks, StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-004")]
    public void While_the_interlock_actor_hangs_the_watchdog_failure_latches_safe_state_and_raises_its_alarm()
    {
        using var run = new LockstepRun();
        var c = run.ToHeating().Tick.Cycle;

        run.Runtime.Inject(ComponentNames.Interlocks, new InjectStall(Stall));
        run.Steps(6);

        // The interlocks are still hung (the stall lasts 20 cycles); the watchdog failed them in cycle c+4. Failing a
        // component must latch SafeState and raise the SAFE-STATE alarm then, not whenever the component comes back.
        var failedAt = LockstepRun.TimeOf(c + 4, run.Period);
        var records = run.Records();
        Assert.Contains(records, r => r.Entry is FaultEntry { Source: "watchdog" } && r.ProcedureTime == failedAt);
        Assert.True(records.Any(r => r.Entry is PhaseTransitionEntry { To: Phase.SafeState } && r.ProcedureTime <= failedAt),
            "no transition to SafeState was logged while the interlock actor hangs");
        Assert.True(records.Any(r => r.Entry is AlarmEntry { Change: Core.Alarms.AlarmEventKind.Raised, AlarmId: "SAFE-STATE" } && r.ProcedureTime <= failedAt),
            "no SAFE-STATE alarm was raised while the interlock actor hangs");
    }

    [Fact]
    [Verifies("SRS-RT-003")]
    public void An_interlock_switches_the_heater_off_at_once_even_in_a_cycle_the_stalled_control_loop_never_finishes()
    {
        using var run = new LockstepRun();
        var c = run.ToHeating().Tick.Cycle;

        run.Runtime.Inject(ComponentNames.ControlLoop, new InjectStall(Stall));
        // Core high: heater off (latched), no safe state, so the cycle goes on to the stalled control loop and stops there.
        run.Port.Frame = run.Port.Frame with { Core = Core.Quantities.Temperature.FromDegreesCelsius(40.4) };
        var stuck = run.Step();

        Assert.Null(stuck);
        var forced = Assert.Single(run.Port.WritesIn(c + 1));
        Assert.False(forced.Command.HeaterEnabled);
        Assert.Equal(0, forced.Command.HeaterPowerPermille);
        Assert.Contains(run.Entries<InterlockEntry>(), e => e.Kind == HazardLogKind.InterlockTripped && e.RuleId == "IL-CORE-HIGH");
    }

    [Theory]
    [InlineData(ComponentNames.Interlocks)]
    [InlineData(ComponentNames.ControlLoop)]
    [Verifies("SRS-RT-006")]
    public void Every_cycle_ends_with_exactly_one_report_during_and_after_a_stall(string component)
    {
        using var run = new LockstepRun();
        var c = run.ToHeating().Tick.Cycle;

        run.Runtime.Inject(component, new InjectStall(Stall));
        // Through the stall, its end (20 cycles) and well after: the failure stays latched, the component answers again.
        run.Steps(40);

        var perCycle = run.Published.OfType<Cycle.CycleReport>().Where(r => r.Tick.Cycle > c)
            .GroupBy(r => r.Tick.Cycle).Where(g => g.Count() > 1).Select(g => $"cycle {g.Key}: {g.Count()} reports").ToList();
        Assert.True(perCycle.Count == 0, string.Join("; ", perCycle));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Verdicts_of_a_hung_interlock_actor_that_come_late_are_noted_at_the_current_time_without_log_time_faults()
    {
        using var run = new LockstepRun();
        var c = run.ToHeating().Tick.Cycle;

        run.Runtime.Inject(ComponentNames.Interlocks, new InjectStall(Stall));
        run.Steps(30);

        var records = run.Records();
        Assert.Contains(records, r => r.Entry is NoteEntry n && n.Text.Contains($"interlock verdict of cycle {c + 1} arrived late", StringComparison.Ordinal));
        // A note stamped with a time before records already in the log makes the writer add a Fault about the clock.
        Assert.DoesNotContain(records, r => r.Entry is FaultEntry { Source: "hazard log" });
    }
}
