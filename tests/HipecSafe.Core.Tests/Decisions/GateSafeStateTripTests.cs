using HipecSafe.Core.Actuators;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>GATE-SAFE-STATE-TRIP: a trip that asks for SafeState makes the command safe in the cycle it is raised (SRS-GT-004).</summary>
public class GateSafeStateTripTests
{
    [Fact]
    [Verifies("SRS-GT-004")]
    public void An_inflow_over_temperature_trip_makes_the_command_safe_in_the_cycle_it_is_raised()
    {
        // IL-INFLOW-HIGH asks for SafeState at 45.0 °C (requirements/interlocks.yaml SRS-IL-007).
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        Assert.Equal(Running, rig.Verdict.Command);

        rig.Frame = rig.Frame with { InflowA = T(45.0) };
        var outcome = rig.Decide(Running);

        Assert.Contains(outcome.Evaluation!.Raised, t => t.RuleId == "IL-INFLOW-HIGH");
        Assert.Equal(ActuatorCommand.Safe, outcome.Verdict.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-SAFE-STATE-TRIP", "HAZ-009"), rig.ReasonsBy("GATE-SAFE-STATE-TRIP"));
    }

    [Fact]
    [Verifies("SRS-GT-004")]
    public void The_command_stays_safe_while_the_latched_trip_is_active_after_its_condition_cleared()
    {
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        rig.Frame = rig.Frame with { InflowA = T(45.0) };
        rig.Decide(Running);
        rig.Frame = rig.Frame with { InflowA = T(44.9) };

        Assert.Equal(ActuatorCommand.Safe, rig.Decide(Running).Verdict.Command);
        Assert.True(rig.IsActive("IL-INFLOW-HIGH"));
    }

    [Fact]
    [Verifies("SRS-GT-004")]
    public void A_trip_that_does_not_ask_for_safe_state_is_applied_as_its_response_only()
    {
        // IL-CORE-HIGH at 40.0 °C switches the heater off and keeps circulating (SRS-IL-009).
        var rig = new GateRig(f => f with { Core = T(39.99) });
        rig.Frame = rig.Frame with { Core = T(40.0) };

        var verdict = rig.Decide(Running).Verdict;

        Assert.True(rig.IsActive("IL-CORE-HIGH"));
        Assert.Equal(Running.WithHeaterOff(), verdict.Command);
        Assert.Equal([new ConstraintReason(ConstraintAction.HeaterOff, "IL-CORE-HIGH", "HAZ-003")], verdict.Reasons);
        Assert.Empty(rig.ReasonsBy("GATE-SAFE-STATE-TRIP"));
    }
}
