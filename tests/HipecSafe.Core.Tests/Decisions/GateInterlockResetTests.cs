using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// A reset request from the control lane resets the gate's latched trips — accepted only where the condition is clear
/// (SRS-IL-040), judged, like the control lane's acceptance, on the latest evaluation before the new readout is
/// judged — and each outcome is noted in the hazard log. IL-AIR (latched; heater off, pump stop, clamp closed) serves.
/// </summary>
public class GateInterlockResetTests
{
    private static readonly ActuatorCommand AirResponse = new(0, 0, ClampOpen: false, HeaterEnabled: false);

    private static GateRig AirTripped()
    {
        var rig = new GateRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Decide(Running);
        Assert.True(rig.IsActive("IL-AIR"));
        Assert.Equal(AirResponse, rig.Verdict.Command);
        return rig;
    }

    private static IEnumerable<string> Notes(GateRig rig) => rig.Last.Records.Select(r => r.Entry).OfType<NoteEntry>().Select(n => n.Text);

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_reset_of_a_trip_whose_condition_cleared_is_accepted_noted_and_logged_as_cleared()
    {
        var rig = AirTripped();
        rig.Frame = rig.Frame with { AirDetected = false };
        Assert.Equal(AirResponse, rig.Decide(Running).Verdict.Command);

        var outcome = rig.Decide(Running, reset: true);

        Assert.False(rig.IsActive("IL-AIR"));
        Assert.Equal(Running, outcome.Verdict.Command);
        Assert.Contains(Notes(rig), n => n.Contains("IL-AIR", StringComparison.Ordinal) && n.Contains("accepted", StringComparison.Ordinal));
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<InterlockEntry>(),
            e => e.Change == InterlockChange.Cleared && e.RuleId == "IL-AIR");
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_reset_while_the_condition_holds_is_refused_with_the_reason_and_the_trip_stays()
    {
        var rig = AirTripped();

        var outcome = rig.Decide(Running, reset: true);

        Assert.True(rig.IsActive("IL-AIR"));
        Assert.Equal(AirResponse, outcome.Verdict.Command);
        Assert.Contains(Notes(rig), n => n.Contains("IL-AIR", StringComparison.Ordinal) && n.Contains("refused", StringComparison.Ordinal)
                                         && n.Contains("condition still present", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void The_reset_is_judged_on_the_last_evaluation_so_a_condition_clearing_in_the_reset_cycle_is_too_late()
    {
        var rig = AirTripped();
        rig.Frame = rig.Frame with { AirDetected = false };

        rig.Decide(Running, reset: true);

        Assert.True(rig.IsActive("IL-AIR"));
        Assert.Equal(AirResponse, rig.Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_condition_back_in_the_reset_cycle_trips_again_at_once()
    {
        var rig = AirTripped();
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Decide(Running);
        rig.Frame = rig.Frame with { AirDetected = true };

        var outcome = rig.Decide(Running, reset: true);

        Assert.Contains(Notes(rig), n => n.Contains("IL-AIR", StringComparison.Ordinal) && n.Contains("accepted", StringComparison.Ordinal));
        Assert.Contains(outcome.Evaluation!.Raised, t => t.RuleId == "IL-AIR");
        Assert.Equal(AirResponse, outcome.Verdict.Command);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void Without_a_reset_request_a_cleared_latched_trip_stays_active()
    {
        var rig = AirTripped();
        rig.Frame = rig.Frame with { AirDetected = false };

        for (var i = 0; i < 5; i++)
        {
            rig.Decide(Running);
        }

        Assert.True(rig.IsActive("IL-AIR"));
        Assert.Equal(AirResponse, rig.Verdict.Command);
        Assert.Empty(Notes(rig));
    }
}
