using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// "Commanded X, board does Y": the command the board holds (read back) against its feedback — pump running (bit3,
/// pump_speed_actual), relay contact (bit2), clamp switch (bit4), heater driver output (heater_power_actual).
/// </summary>
public class BoardFeedbackRuleTests
{
    private const string PumpNotRunning = "IL-PUMP-NOT-RUNNING";
    private const string RelayOpen = "IL-HEATER-RELAY-OPEN";
    private const string ClampNotOpen = "IL-CLAMP-NOT-OPEN";
    private const string ClampNotClosed = "IL-CLAMP-NOT-CLOSED";
    private const string PowerLow = "IL-HEATER-POWER-LOW";

    private static readonly BoardStatus Nominal = BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen;

    /// <summary>A rig in <paramref name="phase"/> whose phase and pump both started at t = 0.</summary>
    private static InterlockRig In(Phase phase, ActuatorFeedback feedback) => new(phase: phase) { Feedback = feedback };

    [Theory]
    [Verifies("SRS-IL-052")]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Heating)]
    [InlineData(Phase.ReadyForChemo)]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    public void A_pump_held_on_that_does_not_turn_trips_3_s_after_the_pump_start_in_every_pumping_phase(Phase phase)
    {
        // Requirement: judged from 2 s after the pump start, for 1 s: condition from 2.0 s, trip at 3.0 s.
        var rig = In(phase, NominalFeedback() with { Status = Nominal & ~BoardStatus.PumpRunning, PumpSpeedActualRpm = 0 });

        rig.RunUntil(TimeSpan.FromSeconds(2.9));
        Assert.False(rig.IsActive(PumpNotRunning));
        rig.Step();

        var trip = rig.Trip(PumpNotRunning);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-011", trip.HazardId);
        Assert.Equal(TimeSpan.FromSeconds(2), trip.ConditionSince);
        Assert.Equal(TimeSpan.FromSeconds(3), trip.RaisedAt);
        var constrained = rig.Constrained();
        Assert.False(constrained.HeaterEnabled);
        Assert.Equal(0, constrained.HeaterPowerPermille);
    }

    [Fact]
    [Verifies("SRS-IL-052")]
    public void Priming_is_judged_from_its_start_not_10_s_in()
    {
        var rig = In(Phase.Priming, NominalFeedback() with { PumpSpeedActualRpm = 0 });

        rig.RunUntil(TimeSpan.FromSeconds(3));

        Assert.True(rig.IsActive(PumpNotRunning), "bit3 set but pump_speed_actual 0: the rotor does not turn");
    }

    [Theory]
    [Verifies("SRS-IL-052")]
    [InlineData(5.0, false)]
    [InlineData(4.9, true)]
    public void The_speed_limit_is_a_tenth_of_the_held_speed(double actualRpm, bool trips)
    {
        // Held 50 rpm: 10 % is 5 rpm; the condition is "below".
        var rig = In(Phase.ChemoPerfusion, NominalFeedback() with { PumpSpeedActualRpm = actualRpm });

        rig.Run(TimeSpan.FromSeconds(5));

        Assert.Equal(trips, rig.IsActive(PumpNotRunning));
    }

    [Fact]
    [Verifies("SRS-IL-052")]
    public void The_trip_is_latched_until_reset_with_the_pump_turning()
    {
        var rig = In(Phase.Heating, NominalFeedback() with { Status = Nominal & ~BoardStatus.PumpRunning });
        rig.RunUntil(TimeSpan.FromSeconds(3));
        Assert.True(rig.IsActive(PumpNotRunning));

        rig.Feedback = NominalFeedback();
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.IsActive(PumpNotRunning), "latched");

        rig.Reset(PumpNotRunning);
        Assert.DoesNotContain(rig.Active, t => t.RuleId == PumpNotRunning);
    }

    [Theory]
    [Verifies("SRS-IL-052")]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Paused)]
    [InlineData(Phase.Complete)]
    public void Outside_the_pumping_phases_or_without_a_held_pump_speed_nothing_trips(Phase phase)
    {
        var rig = In(phase, NominalFeedback() with { Status = Nominal & ~BoardStatus.PumpRunning, PumpSpeedActualRpm = 0 });
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.IsActive(PumpNotRunning));

        var held = In(Phase.ChemoPerfusion, NominalFeedback() with { Status = Nominal & ~BoardStatus.PumpRunning, PumpSpeedActualRpm = 0 });
        held.LastCommand = Running with { PumpSpeedRpm = 0 };
        held.Run(TimeSpan.FromSeconds(10));
        Assert.False(held.IsActive(PumpNotRunning));
    }

    [Fact]
    [Verifies("SRS-IL-052")]
    public void Without_the_held_command_read_back_the_rule_cannot_decide_and_does_not_trip()
    {
        var rig = In(Phase.ChemoPerfusion, NominalFeedback() with { Status = Nominal & ~BoardStatus.PumpRunning, PumpSpeedActualRpm = 0 });
        rig.CommandReadBack = false;

        rig.Run(TimeSpan.FromSeconds(10));

        Assert.False(rig.IsActive(PumpNotRunning));
    }

    [Fact]
    [Verifies("SRS-IL-053")]
    [Verifies("SRS-IL-049")]
    public void A_relay_contact_open_while_held_closed_is_a_medium_alarm_after_1_s_that_ends_2_s_after_the_contact_closes()
    {
        var rig = In(Phase.Heating, NominalFeedback() with { Status = Nominal & ~BoardStatus.HeaterRelayClosed });

        rig.Run(TimeSpan.FromSeconds(1.0));
        Assert.False(rig.IsActive(RelayOpen), "condition from 0.1 s, 0.9 s held");
        rig.Step();
        var trip = rig.Trip(RelayOpen);
        Assert.Equal(AlarmPriority.Medium, trip.Priority);
        Assert.Equal("HAZ-012", trip.HazardId);
        Assert.Equal(InterlockResponse.None, trip.Response);

        rig.Feedback = NominalFeedback();
        rig.Run(TimeSpan.FromSeconds(1.9));
        Assert.True(rig.IsActive(RelayOpen), "a flag stays 2 s after it clears");
        rig.Run(TimeSpan.FromSeconds(0.2));
        Assert.False(rig.IsActive(RelayOpen));
    }

    [Fact]
    [Verifies("SRS-IL-053")]
    public void An_open_contact_is_expected_with_the_heater_held_off_or_the_limiter_tripped()
    {
        var off = In(Phase.Heating, NominalFeedback() with { Status = Nominal & ~BoardStatus.HeaterRelayClosed, HeaterPowerActualPermille = 0 });
        off.LastCommand = Running.WithHeaterOff();
        off.Run(TimeSpan.FromSeconds(5));
        Assert.False(off.IsActive(RelayOpen));

        var limiter = In(Phase.Heating, NominalFeedback() with { Status = (Nominal & ~BoardStatus.HeaterRelayClosed) | BoardStatus.LimiterTripped });
        limiter.Run(TimeSpan.FromSeconds(5));
        Assert.False(limiter.IsActive(RelayOpen));
        Assert.True(limiter.IsActive("IL-BOARD-LIMITER"));
    }

    [Fact]
    [Verifies("SRS-IL-054")]
    public void A_clamp_held_open_with_the_pump_on_that_reads_closed_for_500_ms_stops_the_pump_latched()
    {
        var rig = In(Phase.ChemoPerfusion, NominalFeedback() with { Status = Nominal & ~BoardStatus.ClampOpen });

        rig.Run(TimeSpan.FromSeconds(0.5));
        Assert.False(rig.IsActive(ClampNotOpen), "condition from 0.1 s, 0.4 s held");
        rig.Step();
        var trip = rig.Trip(ClampNotOpen);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-004", trip.HazardId);
        var constrained = rig.Constrained();
        Assert.Equal(0, constrained.PumpSpeedRpm);
        Assert.False(constrained.HeaterEnabled);

        rig.Feedback = NominalFeedback();
        rig.Run(TimeSpan.FromSeconds(3));
        Assert.True(rig.IsActive(ClampNotOpen), "latched");
        Assert.False(rig.IsActive(ClampNotClosed));
    }

    [Fact]
    [Verifies("SRS-IL-054")]
    public void A_closed_clamp_with_the_pump_held_off_is_no_contradiction()
    {
        var rig = In(Phase.ChemoPerfusion, NominalFeedback() with { Status = Nominal & ~BoardStatus.ClampOpen & ~BoardStatus.PumpRunning });
        rig.LastCommand = Running with { PumpSpeedRpm = 0 };

        rig.Run(TimeSpan.FromSeconds(3));

        Assert.False(rig.IsActive(ClampNotOpen));
    }

    [Theory]
    [Verifies("SRS-IL-055")]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.SafeState)]
    [InlineData(Phase.ChemoPerfusion)]
    public void A_clamp_held_closed_that_reads_open_for_500_ms_stops_the_pump_in_any_phase(Phase phase)
    {
        var rig = In(phase, NominalFeedback());
        rig.LastCommand = Running with { ClampOpen = false };

        rig.Run(TimeSpan.FromSeconds(0.5));
        Assert.False(rig.IsActive(ClampNotClosed));
        rig.Step();

        var trip = rig.Trip(ClampNotClosed);
        Assert.Equal("HAZ-005", trip.HazardId);
        Assert.Equal(0, rig.Constrained().PumpSpeedRpm);
    }

    [Theory]
    [Verifies("SRS-IL-056")]
    [InlineData(400, false)]
    [InlineData(399, true)]
    [InlineData(0, true)]
    public void Heater_output_more_than_100_permille_below_the_held_power_for_500_ms_opens_the_relay(int actual, bool trips)
    {
        // Held 500 ‰: the limit is 400 ‰, the condition "below".
        var rig = In(Phase.Heating, NominalFeedback() with { HeaterPowerActualPermille = actual });

        rig.Run(TimeSpan.FromSeconds(0.5));
        Assert.False(rig.IsActive(PowerLow), "0.4 s held");
        rig.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(trips, rig.IsActive(PowerLow));
        if (trips)
        {
            Assert.Equal(AlarmPriority.High, rig.Trip(PowerLow).Priority);
            Assert.False(rig.Constrained().HeaterEnabled);
        }
    }

    [Fact]
    [Verifies("SRS-IL-056")]
    public void A_driver_stuck_below_a_full_power_command_is_found_and_held_until_reset()
    {
        // A driver stuck at 881 ‰ under a 1000 ‰ heat-up command: 119 ‰ below.
        var rig = In(Phase.Heating, NominalFeedback() with { HeaterPowerActualPermille = 881 });
        rig.LastCommand = Running with { HeaterPowerPermille = 1000 };

        rig.Run(TimeSpan.FromSeconds(0.6));
        Assert.True(rig.IsActive(PowerLow));

        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = 1000 };
        rig.Run(TimeSpan.FromSeconds(3));
        Assert.True(rig.IsActive(PowerLow), "latched");
    }

    [Fact]
    [Verifies("SRS-IL-056")]
    public void With_the_heater_held_off_a_low_output_is_expected()
    {
        var rig = In(Phase.Heating, NominalFeedback() with { HeaterPowerActualPermille = 0, Status = Nominal & ~BoardStatus.HeaterRelayClosed });
        rig.LastCommand = Running.WithHeaterOff();

        rig.Run(TimeSpan.FromSeconds(3));

        Assert.False(rig.IsActive(PowerLow));
    }
}
