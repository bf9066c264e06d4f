using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Technical events: a crashed component latches SafeState with the crash as cause and raises a latched high alarm
/// until the operator's reset (SRS-RT-005); the hazard log's storage health is alarmed while it is unavailable.
/// </summary>
public class ProcedureTechnicalEventTests
{
    private static readonly ComponentCrashed AlarmsCrashed = new("alarms", "NullReferenceException", "tick 41");

    private static IEnumerable<AlarmCondition> Conditions(ProcedureRig rig) => rig.Desired.Report.Conditions;

    [Fact]
    [Verifies("SRS-RT-005")]
    public void A_crash_latches_safe_state_raises_a_latched_high_alarm_and_is_logged()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        var outcome = rig.NextWith(AlarmsCrashed);

        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, outcome.Desired.Command);
        Assert.Equal(["crash: alarms: NullReferenceException"], outcome.Desired.Report.LatchedCauses);
        var alarm = Assert.Single(Conditions(rig), c => c.ConditionId == "CRASH-alarms");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.Equal("HAZ-009", alarm.HazardId);
        Assert.True(alarm.Latching);
        Assert.Contains(outcome.Records, r => r is { Priority: LogPriority.High, Entry: FaultEntry { Source: "alarms" } });
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void The_crash_alarm_stays_until_an_accepted_reset_clears_it()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.NextWith(AlarmsCrashed);
        for (var i = 0; i < 5; i++)
        {
            rig.Next();
            Assert.Contains(Conditions(rig), c => c.ConditionId == "CRASH-alarms");
        }

        var reset = rig.Next(OperatorAction.Reset);

        Assert.True(Assert.Single(reset.Replies).Accepted);
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.DoesNotContain(Conditions(rig), c => c.ConditionId.StartsWith("CRASH-", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-005")]
    public void A_crash_in_power_on_self_test_latches_safe_state_as_well()
    {
        var rig = new ProcedureRig();

        rig.NextWith(AlarmsCrashed);

        Assert.Equal(Phase.SafeState, rig.Phase);
    }

    [Fact]
    public void Log_storage_trouble_is_alarmed_while_it_lasts_and_does_not_latch_safe_state()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        rig.NextWith(new LogStorageChanged(false, "disk full"));
        var alarm = Assert.Single(Conditions(rig), c => c.ConditionId == "LOG-UNAVAILABLE");
        Assert.Equal(AlarmPriority.High, alarm.Priority);
        Assert.Equal(Phase.Heating, rig.Phase);
        rig.Next();
        Assert.Contains(Conditions(rig), c => c.ConditionId == "LOG-UNAVAILABLE");

        rig.NextWith(new LogStorageChanged(true, "writing again"));
        Assert.DoesNotContain(Conditions(rig), c => c.ConditionId == "LOG-UNAVAILABLE");
    }

    private sealed record UnknownEvent : TechnicalEvent;

    [Fact]
    public void An_event_the_control_lane_does_not_know_is_refused_loudly()
    {
        var rig = new ProcedureRig();

        Assert.Throws<ArgumentException>(() => rig.NextWith(new UnknownEvent()));
    }
}
