using HipecSafe.Core.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>SRS-RT-004: in SafeState and EmergencyStop only the safe command is written; entering is logged high and alarmed.</summary>
public sealed class SafeStateTests
{
    [Fact]
    [Verifies("SRS-RT-004")]
    public void In_safe_state_every_written_command_is_the_safe_command_and_entering_it_is_logged_high_and_alarmed()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        run.Port.Frame = run.Port.Frame with { InflowA = Temperature.FromDegreesCelsius(45.4) };

        // The gate writes the safe command in the trip's own cycle (SRS-GT-004); the control lane reads the trip in the
        // next cycle's verdict and latches SafeState there.
        var tripped = run.Step();
        Assert.NotNull(tripped);
        Assert.Contains("IL-INFLOW-HIGH", tripped.ActiveTrips);
        Assert.Equal(ActuatorCommand.Safe, tripped.Command);
        var latched = run.Step();
        Assert.NotNull(latched);
        Assert.Equal(Phase.SafeState, latched.Phase);
        Assert.Equal(ActuatorCommand.Safe, latched.Command);

        // The cause goes away; SafeState is latched and keeps writing safe until an operator reset.
        run.Port.Frame = ScriptedBoardPort.HealthyFrame;
        run.Steps(20);
        Assert.All(run.Reports.Skip((int)latched.Tick.Cycle), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.SafeState, r.Phase);
            Assert.Equal(ActuatorCommand.Safe, r.Command);
        });
        // From the tripping cycle on, one write a cycle, and only the safe command.
        var writes = run.Port.Writes.Where(w => w.Cycle > heating.Tick.Cycle).ToList();
        Assert.Equal(run.Reports.Count - 1 - heating.Tick.Cycle, writes.Count);
        Assert.All(writes, w => Assert.Equal(ActuatorCommand.Safe, w.Command));

        var records = run.Records();
        var entered = Assert.Single(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered });
        Assert.Equal(LogPriority.High, entered.Priority);
        Assert.Equal(LockstepRun.TimeOf(latched.Tick.Cycle, run.Period), entered.ProcedureTime);
        Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { To: Phase.SafeState } && r.Priority == LogPriority.High);
        var raised = Assert.Single(records, r => r.Entry is AlarmEntry { Change: AlarmEventKind.Raised, AlarmId: "SAFE-STATE" });
        Assert.Equal(LogPriority.High, raised.Priority);
        var alarm = Assert.Single(run.Last!.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.True(alarm.Latching);
    }

    [Fact]
    [Verifies("SRS-RT-004", "SRS-GT-005", "SRS-GT-006", "SRS-RT-007")]
    public void Emergency_stop_writes_the_safe_command_in_the_cycle_that_takes_it_withholds_the_heartbeat_and_keeps_safe_through_the_release()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var heartbeat = run.Port.Heartbeat;

        // Taken by the control lane at the next cycle; the gate sees the EmergencyStop phase with that cycle's desired
        // command and writes safe in that very cycle, without advancing the heartbeat (the board latches on its own too).
        run.Accept(OperatorAction.EmergencyStop);
        var stopped = run.Last!;
        Assert.Equal(Phase.EmergencyStop, stopped.Phase);
        Assert.Equal(ActuatorCommand.Safe, Assert.Single(run.Port.WritesIn(stopped.Tick.Cycle)).Command);
        Assert.False(stopped.HeartbeatWritten);

        run.Steps(5);
        Assert.All(run.Reports.Skip((int)stopped.Tick.Cycle), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.EmergencyStop, r.Phase);
            Assert.Equal(ActuatorCommand.Safe, r.Command);
            Assert.False(r.HeartbeatWritten);
        });
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= stopped.Tick.Cycle), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.Contains(run.Last!.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE" && a.Priority == AlarmPriority.High);

        run.Accept(OperatorAction.ReleaseEmergencyStop);
        run.Steps(5);
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > heating.Tick.Cycle), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        // Out of EmergencyStop the heartbeat moves again, so the board's latch can be released by the reset that follows.
        Assert.True(run.Last!.HeartbeatWritten);

        var records = run.Records();
        Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { To: Phase.EmergencyStop } && r.Priority == LogPriority.High);
        Assert.Contains(records, r => r.Entry is AlarmEntry { Change: AlarmEventKind.Raised, AlarmId: "SAFE-STATE" } && r.Priority == LogPriority.High);
    }
}
