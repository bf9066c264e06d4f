using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// ChemoPerfusion ends in Washout when the accumulated chemo time reaches the profile's 90 min; time paused or spent in
/// SafeState does not count and does not restart it (SRS-PH-008).
/// </summary>
public class ProcedureChemoTimeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Chemo = TimeSpan.FromMinutes(90);
    private static readonly TimeSpan Last = TimeSpan.FromMilliseconds(100);

    private static void AssertEndsAfter(ProcedureRig rig, TimeSpan remaining)
    {
        rig.Run(remaining - Last, Step);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(Chemo - Last, rig.Desired.Report.ChemoElapsed);

        var outcome = rig.Next();
        Assert.Equal(Phase.Washout, rig.Phase);
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is PhaseTransitionEntry
        {
            From: Phase.ChemoPerfusion, To: Phase.Washout, Trigger: "ChemoTimeElapsed", RequirementId: "SRS-PH-008",
        });
    }

    [Fact]
    [Verifies("SRS-PH-008")]
    public void Chemo_ends_when_ninety_minutes_have_been_perfused()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);

        AssertEndsAfter(rig, Chemo);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-012", "SRS-PH-013")]
    public void A_pause_neither_counts_nor_restarts_the_chemo_time()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        rig.Next(OperatorAction.Pause);
        var perfused = TimeSpan.FromMinutes(30) + Last; // perfused until the cycle that took the pause
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);
        rig.Run(TimeSpan.FromMinutes(10), Step);
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);

        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);

        AssertEndsAfter(rig, Chemo - perfused);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-015")]
    public void A_safe_state_episode_neither_counts_nor_restarts_the_chemo_time()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next(Last, [], []);
        Assert.Equal(Phase.SafeState, rig.Phase);
        var perfused = TimeSpan.FromMinutes(30) + Last; // perfused until the cycle that saw the fault
        rig.Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"]));
        rig.Run(TimeSpan.FromMinutes(5), Step);
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);

        rig.Next(OperatorAction.Reset);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);

        AssertEndsAfter(rig, Chemo - perfused);
    }
}
