using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>IL-HEATER-POWER-MISMATCH: a stuck heater driver seen while control still asks for power (OI-04).</summary>
public class HeaterPowerMismatchRuleTests
{
    private const string Rule = "IL-HEATER-POWER-MISMATCH";

    /// <summary>The rig's command is 500 ‰ with the relay commanded closed; the board reports <paramref name="actual"/>.</summary>
    private static InterlockRig WithActual(int actual)
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = actual };
        return rig;
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void More_than_100_permille_above_the_command_for_500_ms_is_a_high_priority_safe_state_and_400_ms_is_not()
    {
        var rig = WithActual(601);

        rig.Run(Ms(500));
        Assert.False(rig.IsActive(Rule), "held 400 ms");
        rig.Step();

        var trip = rig.Trip(Rule);
        Assert.Equal(AlarmPriority.High, trip.Priority);
        Assert.Equal("HAZ-010", trip.HazardId);
        Assert.Equal("SRS-IL-047", trip.RequirementId);
        Assert.Equal(Ms(100), trip.ConditionSince);
        Assert.Equal(Ms(600), trip.RaisedAt);
        Assert.Equal("heater_power_actual 601 ‰ > 600 ‰ (commanded 500 ‰ + 100 ‰)", trip.Measured.ToString());
        Assert.True(rig.Last.RequiresSafeState);
        Assert.Equal(ActuatorCommand.Safe, rig.Constrained());
    }

    [Theory]
    [Verifies("SRS-IL-047")]
    [InlineData(0, 100)]
    [InlineData(0, 0)]
    [InlineData(270, 370)]
    [InlineData(500, 0)]
    [InlineData(900, 1000)]
    [InlineData(1000, 1000)]
    public void Up_to_100_permille_above_the_command_or_any_amount_below_it_never_trips(int commanded, int actual)
    {
        var rig = new InterlockRig();
        rig.LastCommand = Running with { HeaterPowerPermille = commanded };
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = actual };

        rig.Run(TimeSpan.FromSeconds(5));

        Assert.False(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void A_board_applying_a_falling_command_late_does_not_trip()
    {
        // Control lowering the command by 40 ‰ every cycle, for 2.5 s (nominal runs fall at most 41 ‰ over any 1–5
        // cycles), while the board reports the command of one or two cycles before: the excess stays ≤ 80 ‰.
        foreach (var lag in new[] { 1, 2 })
        {
            var rig = new InterlockRig();
            var commands = Enumerable.Range(0, 25).Select(i => 1000 - (40 * i)).ToArray();
            for (var i = 0; i < commands.Length; i++)
            {
                rig.LastCommand = Running with { HeaterPowerPermille = commands[i] };
                rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = commands[Math.Max(0, i - lag)] };
                rig.Step();
                Assert.False(rig.IsActive(Rule), $"lag {lag} cycles, cycle {i}");
            }
        }
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void An_excess_that_stops_before_500_ms_restarts_the_persistence()
    {
        var rig = WithActual(1000);
        rig.Run(Ms(400));
        rig.Feedback = NominalFeedback();
        rig.Step();
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = 1000 };

        rig.Run(Ms(500));
        Assert.False(rig.IsActive(Rule), "held 400 ms since the restart");
        rig.Step();

        Assert.True(rig.IsActive(Rule));
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void With_the_heater_commanded_off_power_is_left_to_the_stricter_heater_runaway_rule()
    {
        var rig = WithActual(1000);
        rig.LastCommand = Running.WithHeaterOff();

        rig.Run(TimeSpan.FromSeconds(1));

        Assert.False(rig.IsActive(Rule));
        Assert.True(rig.IsActive("IL-HEATER-RUNAWAY"));
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void The_trip_is_latched_and_its_reset_refused_while_the_driver_still_delivers_more_than_commanded()
    {
        var rig = WithActual(1000);
        rig.Run(Ms(600));
        Assert.True(rig.IsActive(Rule));

        var refused = rig.Reset(Rule);
        Assert.False(refused.Succeeded);

        rig.Feedback = NominalFeedback();
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.True(rig.IsActive(Rule), "latched after the excess is gone");
        Assert.True(rig.Reset(Rule).Succeeded);
    }

    [Fact]
    [Verifies("SRS-IL-047")]
    public void The_rule_is_declared_with_its_tolerance_and_the_response_of_heater_runaway()
    {
        var rules = InterlockRuleSet.Standard(Limits);
        var mismatch = Assert.Single(rules, r => r.Id == Rule);
        var runaway = Assert.Single(rules, r => r.Id == "IL-HEATER-RUNAWAY");

        Assert.Equal(100, HeaterPowerMismatchRule.TolerancePermille);
        Assert.Equal(runaway.Response, mismatch.Response);
        Assert.Equal(runaway.Priority, mismatch.Priority);
        Assert.Equal(ClearCondition.OperatorReset, mismatch.Clear);
        Assert.Equal(InterlockPhases.All, mismatch.Phases);
    }
}
