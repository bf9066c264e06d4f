using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// The independent limiter's own sensor (limiter_temp) against the inflow probes (43.0 °C in the rig): both directions
/// at the self-test, where the circuit rests at one temperature; too low while heating, where the line only loses heat.
/// </summary>
public class LimiterSensorRuleTests
{
    private const string SelfTest = "IL-LIMITER-SELF-TEST";
    private const string InRun = "IL-LIMITER-SENSOR-LOW";

    private static InterlockRig AtSelfTest(double limiter) => new(phase: Phase.PowerOnSelfTest)
    {
        LastCommand = ActuatorCommand.Safe,
        Feedback = new ActuatorFeedback(BoardStatus.None, 0, 0, T(limiter), 0),
    };

    [Theory]
    [Verifies("SRS-IL-057")]
    [InlineData(44.0, false)]
    [InlineData(49.0, false)]
    [InlineData(42.0, false)]
    [InlineData(41.9, true)]
    public void At_the_self_test_the_limiter_must_not_read_more_than_1_K_below_the_inflow_for_200_ms(double limiter, bool trips)
    {
        var rig = AtSelfTest(limiter);

        rig.Run(Ms(200));
        Assert.False(rig.IsActive(SelfTest), "condition from 0.1 s, 0.1 s held");
        rig.Run(Ms(500));

        Assert.Equal(trips, rig.IsActive(SelfTest));
        if (trips)
        {
            var trip = rig.Trip(SelfTest);
            Assert.Equal(AlarmPriority.High, trip.Priority);
            Assert.Equal("HAZ-010", trip.HazardId);
            Assert.Equal(Ms(300), trip.RaisedAt);
            Assert.False(rig.Constrained().HeaterEnabled);
        }
    }

    [Fact]
    [Verifies("SRS-IL-057")]
    public void The_trip_names_the_limiter_reading_and_the_inflow_probe_it_was_compared_with()
    {
        var rig = AtSelfTest(40.0);
        rig.Frame = rig.Frame with { InflowB = T(42.5) }; // the higher of the two inflow probes is the reference

        rig.Run(Ms(400));

        Assert.Equal("limiter_temp 40.00 °C, inflow probe A 43.00 °C", rig.Trip(SelfTest).Measured.Detail);
    }

    [Fact]
    [Verifies("SRS-IL-057")]
    public void The_self_test_check_is_latched_and_only_judged_in_the_self_test_with_everything_held_off()
    {
        var rig = AtSelfTest(40.0);
        rig.Run(Ms(400));
        Assert.True(rig.IsActive(SelfTest));
        rig.Feedback = rig.Feedback with { LimiterTemperature = T(43.0) };
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive(SelfTest), "latched");

        var heating = AtSelfTest(40.0);
        heating.LastCommand = Running;
        heating.Run(TimeSpan.FromSeconds(2));
        Assert.False(heating.IsActive(SelfTest), "with the heater held on the circuit is not at one temperature");

        var standby = new InterlockRig(phase: Phase.Standby) { LastCommand = ActuatorCommand.Safe, Feedback = new ActuatorFeedback(BoardStatus.None, 0, 0, T(40.0), 0) };
        standby.Run(TimeSpan.FromSeconds(2));
        Assert.False(standby.IsActive(SelfTest));
    }

    [Theory]
    [Verifies("SRS-IL-058")]
    [InlineData(42.0, false)]
    [InlineData(41.9, true)]
    [InlineData(46.0, false)]
    public void While_heating_a_limiter_more_than_1_K_below_the_inflow_for_10_s_switches_the_heater_off(double limiter, bool trips)
    {
        var rig = new InterlockRig(phase: Phase.ChemoPerfusion) { Feedback = NominalFeedback() with { LimiterTemperature = T(limiter) } };

        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.IsActive(InRun), "condition from 0.1 s, 9.9 s held");
        rig.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(trips, rig.IsActive(InRun));
        if (trips)
        {
            Assert.Equal(TimeSpan.FromSeconds(10.1), rig.Trip(InRun).RaisedAt);
            Assert.False(rig.Constrained().HeaterEnabled);
            rig.Feedback = NominalFeedback();
            rig.Run(TimeSpan.FromSeconds(2));
            Assert.True(rig.IsActive(InRun), "latched");
        }
    }

    [Fact]
    [Verifies("SRS-IL-058")]
    public void Without_heating_or_without_the_pump_a_cool_limiter_is_not_judged()
    {
        var off = new InterlockRig(phase: Phase.ChemoPerfusion)
        {
            LastCommand = Running.WithHeaterOff(),
            Feedback = NominalFeedback() with { Status = BoardStatus.PumpRunning | BoardStatus.ClampOpen, HeaterPowerActualPermille = 0, LimiterTemperature = T(38.0) },
        };
        off.Run(TimeSpan.FromSeconds(15));
        Assert.False(off.IsActive(InRun));

        var stopped = new InterlockRig(phase: Phase.Paused)
        {
            LastCommand = Running with { PumpSpeedRpm = 0 },
            Feedback = NominalFeedback() with { PumpSpeedActualRpm = 0, LimiterTemperature = T(38.0) },
        };
        stopped.Run(TimeSpan.FromSeconds(15));
        Assert.False(stopped.IsActive(InRun));
    }
}
