using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// IL-HEATUP-STALLED: the rise across the circuit against the energy balance ΔT = P / (Q·ρc). At full power (1000 ‰ of
/// 1000 W) and 2 L/min (33.3 mL/s) with ρc = 4.2 J/(mL·K) the expected rise is 1000 / (33.33 × 4.2) = 7.14 K.
/// </summary>
public class HeatUpStalledRuleTests
{
    private const string Rule = "IL-HEATUP-STALLED";
    private const double ExpectedRise = 1000.0 / (2000.0 / 60.0 * 4.2);

    /// <summary>Heating at full power; outflow 38 °C, inflow 38 °C + <paramref name="rise"/>.</summary>
    private static InterlockRig Heating(double rise, Phase phase = Phase.Heating, int permille = 1000, ushort faultBits = 0)
    {
        var rig = new InterlockRig(f => f with
        {
            Outflow = T(38.0),
            InflowA = T(38.0 + rise),
            InflowB = T(38.0 + rise),
            Abdomen1 = T(38.0),
            Abdomen2 = T(38.0),
            Abdomen3 = T(38.0),
            Abdomen4 = T(38.0),
            ChannelFaultBits = faultBits,
        }, phase);
        rig.LastCommand = Running with { HeaterPowerPermille = permille };
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = permille, LimiterTemperature = T(38.5 + rise) };
        return rig;
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    public void Full_power_and_no_rise_for_60_s_is_a_medium_alarm()
    {
        var rig = Heating(0);

        rig.RunUntil(TimeSpan.FromSeconds(59.9));
        Assert.False(rig.IsActive(Rule), "condition from the first evaluation at 0 s, 59.9 s held");
        rig.Step();

        var trip = rig.Trip(Rule);
        Assert.Equal(TimeSpan.Zero, trip.ConditionSince);
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-012", trip.HazardId);
        Assert.Equal(InterlockResponse.None, trip.Response);
    }

    [Theory]
    [Verifies("SRS-IL-059")]
    [InlineData(0.26, false)]
    [InlineData(0.24, true)]
    public void The_limit_is_a_quarter_of_the_expected_rise(double fraction, bool trips)
    {
        var rig = Heating(Math.Round(fraction * ExpectedRise, 2));

        rig.Run(TimeSpan.FromSeconds(70));

        Assert.Equal(trips, rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    [Verifies("SRS-IL-049")]
    public void An_active_alarm_clears_at_0_40_of_the_expected_rise_not_at_0_25()
    {
        var rig = Heating(0);
        rig.Run(TimeSpan.FromSeconds(61));
        Assert.True(rig.IsActive(Rule));

        StepInflowTo(rig, 38.0 + 0.35 * ExpectedRise);
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.IsActive(Rule), "0.35 is above the limit but below the clear margin");

        StepInflowTo(rig, 38.0 + 0.42 * ExpectedRise);
        rig.Step();
        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    public void A_heater_element_failing_open_1_min_into_Heating_is_announced_a_minute_later()
    {
        // Healthy: the fluid gets 0.7 of the expected rise (nominal runs: 0.6 or more once the exchanger is warm). At
        // 60 s the element opens: the driver still shows full power ahead of the relay, the rise decays to nothing.
        var rig = Heating(0.7 * ExpectedRise);
        rig.Run(TimeSpan.FromSeconds(60));
        Assert.False(rig.IsActive(Rule));

        var failedAt = rig.Now;
        StepInflowTo(rig, 38.0);
        while (!rig.IsActive(Rule) && rig.Now < failedAt + TimeSpan.FromSeconds(120))
        {
            rig.Step();
        }

        Assert.True(rig.IsActive(Rule));
        // The rise falls below a quarter within the 2.5 s the probes take to follow, then 60 s persistence.
        Assert.InRange(rig.Now - failedAt, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(63));
    }

    [Theory]
    [Verifies("SRS-IL-059")]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Draining)]
    [InlineData(Phase.Standby)]
    public void Outside_the_heated_phases_nothing_is_judged(Phase phase)
    {
        var rig = Heating(0, phase);

        rig.Run(TimeSpan.FromSeconds(70));

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    public void Below_1_5_K_expected_rise_or_with_the_relay_open_nothing_is_judged()
    {
        // 200 ‰ at 2 L/min: 1.43 K expected.
        var low = Heating(0, permille: 200);
        low.Run(TimeSpan.FromSeconds(70));
        Assert.False(low.IsActive(Rule));

        var open = Heating(0);
        open.Feedback = open.Feedback with { Status = open.Feedback.Status & ~BoardStatus.HeaterRelayClosed };
        open.Run(TimeSpan.FromSeconds(70));
        Assert.False(open.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-059")]
    public void Without_a_valid_outflow_probe_the_rule_cannot_decide()
    {
        var rig = Heating(0, faultBits: Bit(SensorChannel.Outflow));

        rig.Run(TimeSpan.FromSeconds(70));

        Assert.False(rig.IsActive(Rule));
        Assert.True(rig.IsActive("IL-OUTFLOW-PROBE-FAULT"));
    }

    /// <summary>Moves both inflow probes to <paramref name="celsius"/> by 0.2 K a cycle, within the validator's rate limit.</summary>
    private static void StepInflowTo(InterlockRig rig, double celsius)
    {
        while (Math.Abs(rig.Frame.InflowA.DegreesCelsius - celsius) > 1e-9)
        {
            var now = rig.Frame.InflowA.DegreesCelsius;
            var next = now + Math.Clamp(celsius - now, -0.2, 0.2);
            rig.Frame = rig.Frame with { InflowA = T(next), InflowB = T(next) };
            rig.Step();
        }
    }
}
