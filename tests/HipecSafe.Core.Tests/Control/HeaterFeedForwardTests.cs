using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

public class HeaterFeedForwardTests
{
    private static Temperature C(double v) => Temperature.FromDegreesCelsius(v);

    [Fact]
    [Verifies("SRS-CT-008")]
    public void The_feed_forward_is_the_energy_balance_m_dot_c_delta_T()
    {
        var plant = ControlPlantModel.Default;

        // 1.5 L/min = 0.025 kg/s; × 4000 J/(kg·K) × 1 K = 100 W (the design notes' ≈ 105 W/K with c = 4.2).
        var oneKelvin = HeaterFeedForward.Required(VolumetricFlow.FromLitersPerMinute(1.5), C(43), C(42), plant);
        Assert.Equal(100, oneKelvin.Watts, 9);

        // 2 L/min lifted 3 K = 400 W = 400 ‰ of the 1 kW heater.
        Assert.Equal(400, HeaterFeedForward.Permille(VolumetricFlow.FromLitersPerMinute(2), C(44), C(41), plant), 9);
    }

    [Fact]
    [Verifies("SRS-CT-008")]
    public void No_heating_is_fed_forward_when_the_return_is_already_warm_enough_and_it_is_capped_at_full_power()
    {
        var plant = ControlPlantModel.Default;

        Assert.Equal(0, HeaterFeedForward.Permille(VolumetricFlow.FromLitersPerMinute(2), C(37), C(42), plant));
        Assert.Equal(1000, HeaterFeedForward.Permille(VolumetricFlow.FromLitersPerMinute(3), C(44), C(20), plant));
    }

    [Fact]
    [Verifies("SRS-CT-008")]
    public void The_control_law_feeds_forward_from_measured_flow_setpoint_and_outflow()
    {
        var loop = new ClosedLoop(new CascadeTestPlant());
        loop.Run(Phase.Priming, 30).Run(Phase.Heating, 60);

        var s = loop.Samples[^1];
        var expected = HeaterFeedForward.Permille(VolumetricFlow.FromMillilitersPerMinute(s.Flow),
            s.Diagnostics.InflowSetpoint!.Value, Temperature.FromDegreesCelsius(s.Outflow), ControlPlantModel.Default);
        Assert.Equal(expected, s.Diagnostics.HeaterFeedForwardPermille, 6);
        Assert.Equal(expected, s.Diagnostics.Inner!.Value.FeedForward, 6);
    }
}
