using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// A technical condition reported again is still one alarm condition: the alarm system refuses an update that lists a
/// condition ID twice (SRS-AL-011), so the control lane's report must carry each ID once.
/// </summary>
public class ProcedureAlarmConditionOnceTests
{
    private static IReadOnlyList<AlarmCondition> Conditions(ProcedureRig rig) => rig.Desired.Report.Conditions;

    [Fact]
    [Verifies("SRS-RT-005", "SRS-AL-011")]
    public void A_component_that_crashes_again_is_still_one_crash_alarm()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.NextWith(new ComponentCrashed("alarms", "NullReferenceException", "tick 41"));

        rig.NextWith(new ComponentCrashed("alarms", "InvalidOperationException", "tick 42"));

        Assert.Single(Conditions(rig), c => c.ConditionId == "CRASH-alarms");
        Assert.Equal(Conditions(rig).Count, Conditions(rig).Select(c => c.ConditionId).Distinct().Count());
        Assert.Equal(Phase.SafeState, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-LG-012", "SRS-AL-011")]
    public void Log_storage_reported_unavailable_twice_is_one_log_unavailable_alarm()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.NextWith(new LogStorageChanged(false, "disk full"));

        rig.NextWith(new LogStorageChanged(false, "write stalled for 2 s"));

        Assert.Single(Conditions(rig), c => c.ConditionId == "LOG-UNAVAILABLE");
        Assert.Equal(Conditions(rig).Count, Conditions(rig).Select(c => c.ConditionId).Distinct().Count());
    }
}
