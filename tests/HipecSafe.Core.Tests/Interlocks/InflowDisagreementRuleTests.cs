using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class InflowDisagreementRuleTests
{
    [Fact]
    [Verifies("SRS-IL-013")]
    public void A_disagreement_above_0_3_C_trips_after_2_s_not_before()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.2), InflowB = T(42.89) });

        rig.RunUntil(TimeSpan.FromSeconds(1.9));
        Assert.False(rig.IsActive("IL-INFLOW-DISAGREE"));
        rig.Step();

        var trip = rig.Trip("IL-INFLOW-DISAGREE");
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-008", trip.HazardId);
        Assert.Equal(TimeSpan.Zero, trip.ConditionSince);
        Assert.Equal(TimeSpan.FromSeconds(2), trip.RaisedAt);
        Assert.StartsWith("|inflow A − inflow B| 0.31 °C > 0.3 °C", trip.Measured.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-013")]
    public void A_disagreement_of_0_3_C_does_not_trip()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.3), InflowB = T(43.0) });

        rig.Run(TimeSpan.FromSeconds(10));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-013")]
    public void A_disagreement_that_ends_before_2_s_restarts_the_timer()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.2), InflowB = T(42.89) });
        rig.RunUntil(TimeSpan.FromSeconds(1.5));

        rig.Frame = rig.Frame with { InflowB = T(43.0) };
        rig.Step();
        rig.Frame = rig.Frame with { InflowB = T(42.89) };
        rig.Run(TimeSpan.FromSeconds(2.0));
        Assert.False(rig.IsActive("IL-INFLOW-DISAGREE"), "held 1.9 s since it came back");
        rig.Step();

        Assert.True(rig.IsActive("IL-INFLOW-DISAGREE"));
    }

    [Fact]
    [Verifies("SRS-IL-013", "SRS-IL-034")]
    public void While_they_disagree_control_uses_the_higher_probe_and_the_alarm_constrains_nothing()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(42.5), InflowB = T(43.5) });

        rig.Run(TimeSpan.FromSeconds(3));

        Assert.True(rig.IsActive("IL-INFLOW-DISAGREE"));
        Assert.Equal(T(43.5), rig.Last.Inflow.Temperature);
        Assert.Equal(SensorChannel.InflowB, rig.Last.Inflow.Channel);
        Assert.False(rig.Last.Constrain(Running).IsConstrained);
    }

    [Fact]
    [Verifies("SRS-IL-013")]
    public void The_alarm_clears_when_the_probes_agree_again()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.2), InflowB = T(42.89) });
        rig.Run(TimeSpan.FromSeconds(2));

        rig.Frame = rig.Frame with { InflowB = T(43.1) };
        var evaluation = rig.Step();

        Assert.Empty(evaluation.Active);
        Assert.Equal(ClearCause.ConditionCleared, Assert.Single(evaluation.Cleared).Cause);
    }

    [Fact]
    [Verifies("SRS-IL-013", "SRS-IL-041")]
    public void An_active_alarm_holds_until_the_probes_agree_within_0_2_C_and_clears_at_0_19_C()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.2), InflowB = T(42.89) });
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive("IL-INFLOW-DISAGREE"));

        rig.Frame = rig.Frame with { InflowB = T(42.99) };
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.IsActive("IL-INFLOW-DISAGREE"), "0.21 °C apart: inside the 0.1 K clear margin");

        rig.Frame = rig.Frame with { InflowB = T(43.01) };
        Assert.Equal(ClearCause.ConditionCleared, Assert.Single(rig.Step().Cleared).Cause);
    }
}
