using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// A hung actor in lockstep (the rig's stall injection holds its messages back for the stall's length in cycles): the
/// watchdog withholds the heartbeat from the first missed round, fails the component after three, and the actuators go
/// safe — written by the gate, or, while the gate itself hangs, by the board's own watchdog once the heartbeat stops.
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
    [Verifies("SRS-RT-006", "SRS-RT-007", "SRS-RT-008", "SRS-GT-002", "SRS-GT-007", "SRS-GT-008")]
    public void A_stalled_control_loop_is_failed_within_four_cycles_the_actuators_go_safe_and_the_heartbeat_stops()
    {
        using var run = new LockstepRun(faultInjection: true);
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;

        run.Stall(ComponentNames.ControlLoop, Stall);
        var cycles = Enumerable.Range(0, 4).Select(_ => run.Step()).ToList();
        Trace(run, c + 1);

        // c+1: no control output by the deadline: the gate decides alone — heater off, pump and clamp as the board
        // holds them. Round c was answered, so the heartbeat still moves this once.
        var first = Assert.IsType<Cycle.CycleReport>(cycles[0]);
        Assert.Equal(heating.Command.WithHeaterOff(), first.Command);
        Assert.Equal(first.Command, Assert.Single(run.Port.WritesIn(c + 1)).Command);
        Assert.True(first.HeartbeatWritten);
        var heartbeat = run.Port.Heartbeat;
        // c+2, c+3: the loop is late: heater off, no heartbeat.
        for (var i = 1; i <= 2; i++)
        {
            Assert.NotNull(cycles[i]);
            Assert.False(cycles[i]!.Command.HeaterEnabled);
            Assert.Equal(0, cycles[i]!.Command.HeaterPowerPermille);
            Assert.False(cycles[i]!.HeartbeatWritten);
        }

        // c+4: the third missed round fails the loop: the gate writes the safe command.
        Assert.NotNull(cycles[3]);
        Assert.Equal(ActuatorCommand.Safe, cycles[3]!.Command);

        // Through the stall and after it, the heartbeat never moves again: the failure is latched. The control lane
        // latches SafeState once it runs again.
        run.Steps(30);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > c + 1), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= c + 4), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);

        var records = run.Records();
        var failure = Assert.Single(records, r => r.Entry is FaultEntry { Source: "watchdog" } f && f.Description.Contains(ComponentNames.ControlLoop, StringComparison.Ordinal));
        Assert.Equal(LogPriority.High, failure.Priority);
        Assert.Equal(LockstepRun.TimeOf(c + 4, run.Period), failure.ProcedureTime);
        Assert.Contains(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered } && r.Priority == LogPriority.High);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_stalled_interlock_actor_writes_nothing_so_the_heartbeat_stops_and_from_its_failure_on_only_safe_is_written()
    {
        using var run = new LockstepRun(faultInjection: true);
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;
        var heartbeat = run.Port.Writes[^1].Heartbeat;

        run.Stall(ComponentNames.Interlocks, Stall);
        run.Steps(4);
        Trace(run, c + 1);

        // The bus writes only the gate's command: while the gate hangs nothing is written, so the heartbeat stops and
        // the board's own watchdog latches it safe (docs/icd.md §7.1).
        Assert.DoesNotContain(run.Port.Writes, w => w.Cycle > c);
        Assert.All(run.Reports.Skip((int)c + 1), Assert.Null);

        // After the stall (20 cycles) the gate decides again: the interlocks have failed, so only safe, no heartbeat.
        run.Steps(30);
        var after = run.Port.Writes.Where(w => w.Cycle > c).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(after, w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.Single(run.Entries<FaultEntry>(), f => f.Source == "watchdog" && f.Description.Contains(ComponentNames.Interlocks, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ComponentNames.Interlocks)]
    [InlineData(ComponentNames.BoardBus)]
    [InlineData(ComponentNames.ControlLoop)]
    [Verifies("SRS-AL-016", "SRS-RT-006", "SRS-RT-004")]
    public void While_the_gate_the_bus_or_the_control_loop_hangs_the_watchdog_failure_is_annunciated_in_the_cycle_it_is_found(string component)
    {
        using var run = new LockstepRun(faultInjection: true);
        var c = run.ToHeating().Tick.Cycle;

        run.Stall(component, Stall);
        run.Steps(6);

        // The component is still hung (the stall lasts 20 cycles); the watchdog failed it in cycle c+4 (rounds c+1..c+3
        // missed) and told the alarms directly, not through the hung gate or bus: SAFE-STATE is raised at that tick,
        // 400 ms after the first missed round began, logged at high priority and published to the display.
        var failedAt = LockstepRun.TimeOf(c + 4, run.Period);
        var records = run.Records();
        Assert.Contains(records, r => r.Entry is FaultEntry { Source: "watchdog" } f && f.Description.Contains(component, StringComparison.Ordinal) && r.ProcedureTime == failedAt);
        var raised = Assert.Single(records, r => r.Entry is AlarmEntry { Change: Core.Alarms.AlarmEventKind.Raised, AlarmId: "SAFE-STATE" });
        Assert.Equal(LogPriority.High, raised.Priority);
        Assert.Equal(failedAt, raised.ProcedureTime);
        Assert.True(failedAt - LockstepRun.TimeOf(c + 1, run.Period) <= TimeSpan.FromMilliseconds(400));
        var announced = run.Published.OfType<Cycle.AlarmsAnnounced>().First();
        Assert.Equal(c + 4, announced.Tick.Cycle);
        var alarm = Assert.Single(announced.Alarms.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal(Core.Alarms.AlarmPriority.High, alarm.Priority);
        Assert.Contains(component, alarm.Message, StringComparison.Ordinal);

        // After the stall the chain's own SAFE-STATE (the control lane latched SafeState) takes over: still one alarm,
        // raised once, never cleared while the device stays in SafeState.
        run.Steps(30);
        Assert.Single(run.Records(), r => r.Entry is AlarmEntry { Change: Core.Alarms.AlarmEventKind.Raised, AlarmId: "SAFE-STATE" });
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.Contains(run.Last.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE" && a.Priority == Core.Alarms.AlarmPriority.High && a.State == Core.Alarms.AlarmState.Active);
    }

    [Fact]
    [Verifies("SRS-AL-016", "SRS-GT-013")]
    public void The_watchdog_s_alarm_path_writes_nothing_only_the_gate_constrains_commands()
    {
        using var run = new LockstepRun(faultInjection: true);
        var c = run.ToHeating().Tick.Cycle;
        var before = run.Port.Writes.Count;

        run.Stall(ComponentNames.Interlocks, Stall);
        run.Steps(6);

        // Annunciated while the gate hangs, yet nothing was written: the alarm path does not reach the bus.
        Assert.NotEmpty(run.Published.OfType<Cycle.AlarmsAnnounced>());
        Assert.Equal(before, run.Port.Writes.Count);
        Assert.DoesNotContain(run.Port.Writes, w => w.Cycle > c);
    }

    [Fact]
    [Verifies("SRS-RT-003", "SRS-GT-007")]
    public void An_interlock_switches_the_heater_off_in_a_cycle_the_stalled_control_loop_never_answers()
    {
        using var run = new LockstepRun(faultInjection: true);
        var c = run.ToHeating().Tick.Cycle;

        run.Stall(ComponentNames.ControlLoop, Stall);
        // Core high: heater off (latched), no safe state; the control loop never answers the cycle.
        run.Port.Frame = run.Port.Frame with { Core = Core.Quantities.Temperature.FromDegreesCelsius(40.4) };
        var decided = run.Step();

        Assert.NotNull(decided);
        Assert.Contains("IL-CORE-HIGH", decided.ActiveTrips);
        var written = Assert.Single(run.Port.WritesIn(c + 1));
        Assert.False(written.Command.HeaterEnabled);
        Assert.Equal(0, written.Command.HeaterPowerPermille);
        Assert.Contains(run.Entries<InterlockEntry>(), e => e.Kind == HazardLogKind.InterlockTripped && e.RuleId == "IL-CORE-HIGH");
        Assert.Contains(run.Entries<FaultEntry>(), f => f.Source == "interlocks" && f.Description.Contains($"no control output for cycle {c + 1}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ComponentNames.Interlocks)]
    [InlineData(ComponentNames.ControlLoop)]
    [Verifies("SRS-RT-006", "SRS-GT-007")]
    public void Every_cycle_ends_with_exactly_one_report_during_and_after_a_stall(string component)
    {
        using var run = new LockstepRun(faultInjection: true);
        var c = run.ToHeating().Tick.Cycle;

        run.Stall(component, Stall);
        // Through the stall, its end (20 cycles) and well after: the failure stays latched, the component answers again.
        run.Steps(40);

        var perCycle = run.Published.OfType<Cycle.CycleReport>().Where(r => r.Tick.Cycle > c)
            .GroupBy(r => r.Tick.Cycle).Where(g => g.Count() > 1).Select(g => $"cycle {g.Key}: {g.Count()} reports").ToList();
        Assert.True(perCycle.Count == 0, string.Join("; ", perCycle));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        if (component == ComponentNames.ControlLoop)
        {
            // The gate decides each cycle at its deadline without the control loop: none goes without its report.
            Assert.All(run.Reports.Skip((int)c + 1), Assert.NotNull);
        }
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Verdicts_of_a_hung_interlock_actor_that_come_late_are_not_written_and_are_noted_at_the_current_time_without_log_time_faults()
    {
        using var run = new LockstepRun(faultInjection: true);
        var c = run.ToHeating().Tick.Cycle;

        run.Stall(ComponentNames.Interlocks, Stall);
        run.Steps(30);

        var records = run.Records();
        Assert.Contains(records, r => r.Entry is NoteEntry n && n.Text.Contains($"gate verdict of cycle {c + 1} arrived after cycle", StringComparison.Ordinal));
        Assert.Empty(run.Port.WritesIn(c + 1));
        // A note stamped with a time before records already in the log makes the writer add a Fault about the clock.
        Assert.DoesNotContain(records, r => r.Entry is FaultEntry { Source: "hazard log" });
    }
}
