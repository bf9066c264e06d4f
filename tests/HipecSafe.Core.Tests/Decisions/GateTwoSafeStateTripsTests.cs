using HipecSafe.Core.Actuators;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// GATE-SAFE-STATE-TRIP applies while any active trip asks for SafeState (SRS-GT-004): two such trips at once ask for it
/// no less than one does (the most severe active action wins).
/// </summary>
public class GateTwoSafeStateTripsTests
{
    /// <summary>Inflow and abdomen one step below their SafeState limits (45.0 °C, SRS-IL-007; 43.5 °C, SRS-IL-008).</summary>
    private static GateRig JustBelowBothLimits() => new(f => f with
    {
        InflowA = T(44.99), InflowB = T(44.99),
        Abdomen1 = T(43.49), Abdomen2 = T(43.49), Abdomen3 = T(43.49), Abdomen4 = T(43.49),
    });

    [Fact]
    [Verifies("SRS-GT-004", "SRS-IL-007", "SRS-IL-008")]
    public void Two_safe_state_trips_raised_in_the_same_cycle_make_the_command_safe_by_the_gate_rule()
    {
        var rig = JustBelowBothLimits();
        Assert.Empty(rig.ReasonsBy("GATE-SAFE-STATE-TRIP"));

        rig.Frame = rig.Frame with { InflowA = T(45.0), Abdomen1 = T(43.5) };
        var outcome = rig.Decide(Running);

        Assert.Contains(outcome.Evaluation!.Raised, t => t.RuleId == "IL-INFLOW-HIGH");
        Assert.Contains(outcome.Evaluation!.Raised, t => t.RuleId == "IL-ABDOMEN-HIGH");
        Assert.Equal(ActuatorCommand.Safe, outcome.Verdict.Command);
        Assert.Equal(GateRig.SafeCommandBy("GATE-SAFE-STATE-TRIP", "HAZ-009"), rig.ReasonsBy("GATE-SAFE-STATE-TRIP"));
    }

    [Fact]
    [Verifies("SRS-GT-004")]
    public void Two_latched_safe_state_trips_keep_the_gate_rule_applied_in_every_cycle_they_stay_active()
    {
        var rig = JustBelowBothLimits();
        rig.Frame = rig.Frame with { InflowA = T(45.0), Abdomen1 = T(43.5) };
        rig.Decide(Running);

        for (var i = 0; i < 5; i++)
        {
            var verdict = rig.Decide(Running).Verdict;
            Assert.True(rig.IsActive("IL-INFLOW-HIGH") && rig.IsActive("IL-ABDOMEN-HIGH"));
            Assert.Equal(ActuatorCommand.Safe, verdict.Command);
            Assert.Equal(GateRig.SafeCommandBy("GATE-SAFE-STATE-TRIP", "HAZ-009"), rig.ReasonsBy("GATE-SAFE-STATE-TRIP"));
        }
    }
}
