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

        var tripped = run.Step();
        Assert.NotNull(tripped);
        Assert.Equal(Phase.SafeState, tripped.Phase);
        Assert.Equal(ActuatorCommand.Safe, tripped.Command);

        // The cause goes away; SafeState is latched and keeps writing safe until an operator reset.
        run.Port.Frame = ScriptedBoardPort.HealthyFrame;
        run.Steps(20);
        Assert.All(run.Reports.Skip((int)tripped.Tick.Cycle), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.SafeState, r.Phase);
            Assert.Equal(ActuatorCommand.Safe, r.Command);
        });
        // In the tripping cycle the interlock's own constraint came first; from the cycle's regular write on, only safe.
        var writes = run.Port.Writes.Where(w => w.Cycle > heating.Tick.Cycle).ToList();
        Assert.Equal(ActuatorCommand.Safe, run.Port.WritesIn(tripped.Tick.Cycle)[^1].Command);
        Assert.All(writes.Where(w => w.Cycle > tripped.Tick.Cycle), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.All(writes, w => Assert.False(w.Command.HeaterEnabled));

        var records = run.Records();
        var entered = Assert.Single(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered });
        Assert.Equal(LogPriority.High, entered.Priority);
        Assert.Equal(LockstepRun.TimeOf(tripped.Tick.Cycle, run.Period), entered.ProcedureTime);
        Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { To: Phase.SafeState } && r.Priority == LogPriority.High);
        var raised = Assert.Single(records, r => r.Entry is AlarmEntry { Change: AlarmEventKind.Raised, AlarmId: "SAFE-STATE" });
        Assert.Equal(LogPriority.High, raised.Priority);
        var alarm = Assert.Single(run.Last!.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.True(alarm.Latching);
    }

    [Fact]
    [Verifies("SRS-RT-004")]
    public void Emergency_stop_writes_the_safe_command_at_once_and_keeps_it_through_the_release()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var writesBefore = run.Port.Writes.Count;

        run.Accept(OperatorAction.EmergencyStop);
        // Written when the command is accepted, before the next cycle runs.
        Assert.True(run.Port.Writes.Count > writesBefore, "the emergency stop must reach the board without waiting for a cycle");
        Assert.Equal(ActuatorCommand.Safe, run.Port.Held);

        run.Steps(5);
        Assert.All(run.Reports.Skip((int)heating.Tick.Cycle + 1), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.EmergencyStop, r.Phase);
            Assert.Equal(ActuatorCommand.Safe, r.Command);
        });
        Assert.Contains(run.Last!.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE" && a.Priority == AlarmPriority.High);

        run.Accept(OperatorAction.ReleaseEmergencyStop);
        run.Steps(5);
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.All(run.Port.Writes.Skip(writesBefore), w => Assert.Equal(ActuatorCommand.Safe, w.Command));

        var records = run.Records();
        Assert.Contains(records, r => r.Entry is PhaseTransitionEntry { To: Phase.EmergencyStop } && r.Priority == LogPriority.High);
        Assert.Contains(records, r => r.Entry is AlarmEntry { Change: AlarmEventKind.Raised, AlarmId: "SAFE-STATE" } && r.Priority == LogPriority.High);
    }
}
