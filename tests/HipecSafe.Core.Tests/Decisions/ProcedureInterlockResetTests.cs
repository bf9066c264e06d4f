using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Outside SafeState a reset asks the gate to reset the latched trips without a phase change: refused when nothing is
/// latched, or when every latched trip still holds or cannot be confirmed clear (with each one's reason), accepted when
/// one awaits its reset (SRS-IL-040, SRS-RT-009). Judged on the last verdict, as the gate judges it.
/// </summary>
public class ProcedureInterlockResetTests
{
    private static ProcedureRig InHeatingWith(params InterlockTrip[] trips) =>
        new ProcedureRig().DriveTo(Phase.Heating).With(TripSamples.VerdictWith(trips));

    private static OperatorCommandEntry Logged(ProcedureOutcome outcome) =>
        Assert.Single(outcome.Records.Select(r => r.Entry).OfType<OperatorCommandEntry>());

    [Fact]
    [Verifies("SRS-IL-040", "SRS-RT-009")]
    public void Without_a_latched_trip_the_reset_is_refused()
    {
        var rig = InHeatingWith(TripSamples.CoreWarning());

        var outcome = rig.Next(OperatorAction.Reset);

        var reply = Assert.Single(outcome.Replies);
        Assert.False(reply.Accepted);
        Assert.Equal("no latched interlock to reset", reply.RefusalReason);
        Assert.False(Logged(outcome).Accepted);
        Assert.False(outcome.Desired.ResetRequested);
    }

    [Fact]
    [Verifies("SRS-IL-040", "SRS-RT-009")]
    public void Before_the_gate_has_given_a_verdict_the_reset_is_refused_as_nothing_is_latched()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.LastVerdict = null; // no verdict from the gate yet (its first cycle, or a verdict lost)

        var outcome = rig.Next(OperatorAction.Reset);

        var reply = Assert.Single(outcome.Replies);
        Assert.False(reply.Accepted);
        Assert.Equal("no latched interlock to reset", reply.RefusalReason);
        Assert.False(outcome.Desired.ResetRequested);
        Assert.Equal(Phase.Standby, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-IL-040", "SRS-RT-009")]
    public void A_latched_trip_whose_condition_still_holds_refuses_the_reset_with_its_text()
    {
        var trip = TripSamples.OcclusionHolding();
        var rig = InHeatingWith(trip);

        var outcome = rig.Next(OperatorAction.Reset);

        var reply = Assert.Single(outcome.Replies);
        Assert.False(reply.Accepted);
        Assert.Contains("IL-OCCLUSION condition still present", reply.RefusalReason, StringComparison.Ordinal);
        Assert.Contains(trip.Latest, reply.RefusalReason, StringComparison.Ordinal);
        Assert.False(Logged(outcome).Accepted);
        Assert.False(outcome.Desired.ResetRequested);
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_latched_trip_that_cannot_be_confirmed_clear_refuses_the_reset()
    {
        var rig = InHeatingWith(TripSamples.OcclusionUnknown());

        var reply = Assert.Single(rig.Next(OperatorAction.Reset).Replies);

        Assert.False(reply.Accepted);
        Assert.Contains("IL-OCCLUSION condition cannot be confirmed clear", reply.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-040", "SRS-RT-009")]
    public void A_latched_trip_awaiting_its_reset_gets_the_reset_requested_without_a_phase_change()
    {
        var rig = InHeatingWith(TripSamples.OcclusionAwaitingReset());

        var outcome = rig.Next(OperatorAction.Reset);

        var reply = Assert.Single(outcome.Replies);
        Assert.True(reply.Accepted);
        Assert.Null(reply.RefusalReason); // nothing was refused
        Assert.True(Logged(outcome).Accepted);
        Assert.True(outcome.Desired.ResetRequested);
        Assert.False(outcome.ResetHealth);
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void The_reset_is_requested_for_the_cycle_of_the_command_only()
    {
        var rig = InHeatingWith(TripSamples.OcclusionAwaitingReset());
        rig.Next(OperatorAction.Reset);

        Assert.False(rig.Next().Desired.ResetRequested);
    }
}
