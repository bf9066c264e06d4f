using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Operations;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-005 and SRS-GT-003 in lockstep: a crash of any controller actor while heating restarts it, latches SafeState
/// with the crash as cause, logs it, raises a high-priority alarm, and the controller keeps running cycles with the
/// safe command. A crash that hits a cycle message before the cycle's command is written still ends that cycle with
/// the safe command, written by the gate; the control lane latches SafeState at its next step.
/// </summary>
public sealed class CrashRecoveryTests
{
    public static TheoryData<string> Components => [.. ComponentNames.All];

    [Theory]
    [MemberData(nameof(Components))]
    [Verifies("SRS-RT-005", "SRS-GT-003")]
    public void A_crash_of_any_actor_while_heating_ends_in_safe_state_with_the_heater_off_and_cycles_go_on(string component)
    {
        using var run = new LockstepRun(faultInjection: true);
        var heating = run.ToHeating();
        Assert.True(heating.Command.HeaterEnabled);
        var crashedAfter = heating.Tick.Cycle;

        run.Crash(component, "test");

        var next = run.Step();
        Assert.NotNull(next);
        Assert.Equal(Phase.SafeState, next.Phase);
        Assert.Equal(ActuatorCommand.Safe, next.Command);
        Assert.Contains(next.LatchedCauses, c => c.StartsWith($"crash: {component}:", StringComparison.Ordinal));

        // Later cycles keep running, every one of them ends with a report, and every write is the safe command.
        for (var i = 0; i < 5; i++)
        {
            var report = run.Step();
            Assert.NotNull(report);
            Assert.Equal(Phase.SafeState, report.Phase);
        }

        var after = run.Port.Writes.Where(w => w.Cycle > crashedAfter).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.False(run.Port.Held.HeaterEnabled);

        var records = run.Records();
        var crash = Assert.Single(records, r => r.Entry is FaultEntry f && f.Source == component && f.Description.Contains("actor crashed", StringComparison.Ordinal));
        Assert.Equal(LogPriority.High, crash.Priority);
        Assert.Contains(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered } && r.Priority == LogPriority.High);
        var alarm = Assert.Single(records, r => r.Entry is AlarmEntry { Change: AlarmEventKind.Raised } a && a.AlarmId == $"CRASH-{component}");
        Assert.Equal(AlarmPriority.High, ((AlarmEntry)alarm.Entry).AlarmPriority);
        Assert.Contains(run.Last!.Alarms!.Alarms, a => a.ConditionId == $"CRASH-{component}" && a.Priority == AlarmPriority.High);
    }

    [Fact]
    [Verifies("SRS-RT-005", "SRS-GT-001", "SRS-GT-003")]
    public void A_bus_crash_while_reading_the_boards_still_ends_that_cycle_with_the_safe_command()
    {
        using var run = new LockstepRun();
        run.ToHeating();
        run.Port.ThrowOnNextRead = new InvalidOperationException("scripted: port bug while reading");

        var lost = run.Step();

        // No readout reached the decision units: the gate decides the cycle at its deadline, safe (no readout, crash);
        // the control lane never saw the cycle and latches SafeState at its next step.
        Assert.NotNull(lost);
        Assert.Equal(ActuatorCommand.Safe, lost.Command);
        Assert.Contains(lost.ConstraintReasons, r => r.Contains("GATE-NO-READOUT", StringComparison.Ordinal));
        var write = Assert.Single(run.Port.WritesIn(lost.Tick.Cycle));
        Assert.Equal(ActuatorCommand.Safe, write.Command);
        var next = run.Step();
        Assert.NotNull(next);
        Assert.Equal(Phase.SafeState, next.Phase);
        Assert.Equal(ActuatorCommand.Safe, next.Command);
        Assert.Contains(run.Entries<FaultEntry>(), f => f.Source == ComponentNames.BoardBus && f.Description.Contains("StartCycle", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void A_bus_crash_while_writing_the_cycle_still_ends_that_cycle_with_the_safe_command()
    {
        using var run = new LockstepRun();
        run.ToHeating();
        run.Port.ThrowOnNextWrite = new InvalidOperationException("scripted: port bug while writing");

        var lost = run.Step();

        // The write that crashed never reached the board: the gate writes the safe command for that same cycle.
        Assert.NotNull(lost);
        Assert.Equal(ActuatorCommand.Safe, lost.Command);
        Assert.Equal(ActuatorCommand.Safe, Assert.Single(run.Port.WritesIn(lost.Tick.Cycle)).Command);
        Assert.False(run.Port.Held.HeaterEnabled);
        var next = run.Step();
        Assert.NotNull(next);
        Assert.Equal(Phase.SafeState, next.Phase);
        Assert.Equal(ActuatorCommand.Safe, next.Command);
        Assert.Contains(run.Entries<FaultEntry>(), f => f.Source == ComponentNames.BoardBus && f.Description.Contains("WriteCommand", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void An_interlock_engine_exception_on_a_sample_still_ends_that_cycle_with_the_safe_command()
    {
        using var run = new LockstepRun();
        run.ToHeating();
        // Negative failure counts: no bus produces them, and the engine refuses them by throwing.
        var healthy = run.Port.Read();
        run.Port.NextReadoutOverride = healthy with { SensorConsecutiveFailures = -1 };

        var lost = run.Step();

        // The gate crashed deciding on that readout: it decides the cycle again without it, safe (no readout, crash).
        Assert.NotNull(lost);
        Assert.Equal(ActuatorCommand.Safe, lost.Command);
        Assert.Equal(ActuatorCommand.Safe, Assert.Single(run.Port.WritesIn(lost.Tick.Cycle)).Command);
        var next = run.Step();
        Assert.NotNull(next);
        Assert.Equal(Phase.SafeState, next.Phase);
        Assert.Contains(run.Entries<FaultEntry>(), f => f.Source == ComponentNames.Interlocks && f.Description.Contains("Desired", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void A_restarted_interlock_actor_keeps_its_latched_trips()
    {
        using var run = new LockstepRun(faultInjection: true);
        run.ToStandby();
        // Core high: heater off, latched, no safe state.
        run.Port.Frame = ScriptedBoardPort.HealthyFrame with { Core = Temperature.FromDegreesCelsius(40.3) };
        run.StepUntil(r => r.ActiveTrips.Contains("IL-CORE-HIGH"), 5, "IL-CORE-HIGH trip");
        run.Port.Frame = ScriptedBoardPort.HealthyFrame;
        run.Step();

        run.Crash(ComponentNames.Interlocks, "test");
        var after = run.Step();

        Assert.NotNull(after);
        Assert.Contains("IL-CORE-HIGH", after.ActiveTrips);
        Assert.Equal(Phase.SafeState, after.Phase);
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void A_restarted_alarm_actor_keeps_its_alarms_and_does_not_raise_them_again()
    {
        using var run = new LockstepRun(faultInjection: true);
        run.ToStandby();
        run.Port.Frame = ScriptedBoardPort.HealthyFrame with { Core = Temperature.FromDegreesCelsius(39.7) };
        run.StepUntil(r => r.Alarms?.Alarms.Any(a => a.ConditionId == "IL-CORE-WARNING") == true, 5, "core warning alarm");

        run.Crash(ComponentNames.Alarms, "test");
        run.Steps(3);

        Assert.Contains(run.Last!.Alarms!.Alarms, a => a.ConditionId == "IL-CORE-WARNING");
        Assert.Single(run.Entries<AlarmEntry>(), a => a.Change == AlarmEventKind.Raised && a.AlarmId == "IL-CORE-WARNING");
    }

    [Fact]
    [Verifies("SRS-RT-005", "SRS-GT-003")]
    public void A_restarted_control_loop_keeps_the_chemo_time_and_resumes_the_perfusion_after_the_reset()
    {
        using var run = new LockstepRun(faultInjection: true);
        run.ToHeating();
        WarmTheAbdomen(run);
        run.StepUntil(r => r.Phase == Phase.ReadyForChemo, 20, "ReadyForChemo");
        run.ConfirmLeakCheck();
        run.Accept(OperatorAction.AddDrug);
        var inBand = Temperature.FromDegreesCelsius(41.05); // chemo time counts only in the band (SRS-PH-022)
        run.Port.Frame = run.Port.Frame with { Abdomen1 = inBand, Abdomen2 = inBand, Abdomen3 = inBand, Abdomen4 = inBand };
        run.Steps(50);
        var before = run.Last!;
        Assert.Equal(Phase.ChemoPerfusion, before.Phase);
        Assert.True(before.ChemoElapsed >= TimeSpan.FromSeconds(4), $"chemo time {before.ChemoElapsed}");

        // The control lane owns the phase machine and the chemo time (the supervisor's part before).
        run.Crash(ComponentNames.ControlLoop, "test");
        var crashed = run.Step();

        Assert.NotNull(crashed);
        Assert.Equal(Phase.SafeState, crashed.Phase);
        Assert.Equal(ActuatorCommand.Safe, crashed.Command);
        Assert.True(crashed.ChemoElapsed >= before.ChemoElapsed, $"chemo time went from {before.ChemoElapsed} to {crashed.ChemoElapsed}");
        run.Accept(OperatorAction.Reset);
        run.Accept(OperatorAction.Resume);
        var resumed = run.Step();
        Assert.NotNull(resumed);
        Assert.Equal(Phase.ChemoPerfusion, resumed.Phase);
        Assert.True(resumed.ChemoElapsed >= before.ChemoElapsed, $"chemo time after resume {resumed.ChemoElapsed}");
        Assert.NotEqual(ActuatorCommand.Safe, resumed.Command);
    }

    /// <summary>Raises every abdominal probe to 41 °C no faster than the sensor validator's rate limit allows.</summary>
    internal static void WarmTheAbdomen(LockstepRun run)
    {
        for (var c = 37.15; c <= 41.0; c += 0.15)
        {
            var t = Temperature.FromDegreesCelsius(c);
            run.Port.Frame = run.Port.Frame with { Abdomen1 = t, Abdomen2 = t, Abdomen3 = t, Abdomen4 = t };
            run.Step();
        }
    }
}
