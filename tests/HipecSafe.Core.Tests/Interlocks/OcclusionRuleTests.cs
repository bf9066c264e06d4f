using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class OcclusionRuleTests
{
    private static Pressure MmHg(double value) => Pressure.FromMillimetersOfMercury(value);

    [Fact]
    [Verifies("SRS-IL-017")]
    public void Pressure_above_300_mmHg_for_500_ms_stops_pump_and_heater_and_400_ms_does_not()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = MmHg(300.1) };

        rig.RunUntil(Ms(500));
        Assert.False(rig.IsActive("IL-OCCLUSION"), "held 400 ms");
        rig.Step();

        var trip = rig.Trip("IL-OCCLUSION");
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-004", trip.HazardId);
        Assert.Equal(Ms(100), trip.ConditionSince);
        Assert.Equal(Ms(600), trip.RaisedAt);
        Assert.Equal("line pressure 300.1 mmHg > 300 mmHg", trip.Measured.ToString());
        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false), rig.Constrained());
    }

    [Fact]
    [Verifies("SRS-IL-017")]
    public void Exactly_300_mmHg_never_trips()
    {
        var rig = new InterlockRig(f => f with { InflowPressure = MmHg(300) });

        rig.Run(TimeSpan.FromSeconds(5));

        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    [Verifies("SRS-IL-017")]
    public void A_pressure_peak_that_falls_back_restarts_the_persistence_time()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = MmHg(320) };
        rig.Run(Ms(400));

        rig.Frame = rig.Frame with { InflowPressure = MmHg(250) };
        rig.Step();
        rig.Frame = rig.Frame with { InflowPressure = MmHg(320) };
        rig.Run(Ms(400));

        Assert.False(rig.IsActive("IL-OCCLUSION"));
    }

    [Fact]
    [Verifies("SRS-IL-017")]
    public void An_occlusion_is_latched_and_reset_is_refused_while_the_pressure_is_high()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = MmHg(400) };
        rig.Run(Ms(600));

        var refused = rig.Reset("IL-OCCLUSION");
        rig.Frame = rig.Frame with { InflowPressure = MmHg(20) };
        rig.Step();
        var latched = rig.IsActive("IL-OCCLUSION");
        var accepted = rig.Reset("IL-OCCLUSION");

        Assert.False(refused.Succeeded);
        Assert.Equal("IL-OCCLUSION condition still present: line pressure 400 mmHg > 300 mmHg", refused.Reason);
        Assert.True(latched);
        Assert.True(accepted.Succeeded);
    }
}
