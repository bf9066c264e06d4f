using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// Interlock engine and rule details that the per-rule tests do not pin down: reset bookkeeping, the first rule,
/// repeated times, trip texts, rule construction checks, and what a rule does with a faulted probe.
/// </summary>
public class InterlockBoundaryTests
{
    private sealed class ProbeRule(string id, string hazardId, string requirementId, InterlockResponse response, Duration persistence)
        : InterlockRule(id, "probe", hazardId, requirementId, AlarmPriority.Low, response, ClearCondition.WhenConditionClears,
            persistence, InterlockPhases.PatientConnected, "probe condition")
    {
        public override RuleCheck Check(InterlockContext context) => RuleCheck.Unknown("probe");
    }

    private static ProbeRule Rule(string id = "IL-PROBE", string hazard = "HAZ-001", string requirement = "SRS-IL-001",
        InterlockResponse response = InterlockResponse.None, double persistenceSeconds = 0) =>
        new(id, hazard, requirement, response, Duration.FromSeconds(persistenceSeconds));

    [Fact]
    public void An_operator_reset_is_reported_as_cleared_in_the_next_evaluation_only()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();
        Assert.False(rig.Trip("IL-AIR").AwaitingReset); // latched, but the air is still there
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Step();
        Assert.True(rig.Reset("IL-AIR").Succeeded);

        Assert.Single(rig.Step().Cleared);
        Assert.Empty(rig.Step().Cleared);
    }

    [Fact]
    public void The_first_rule_of_the_set_can_be_addressed_by_a_reset()
    {
        var rig = new InterlockRig();
        var first = rig.Engine.Rules[0].Id;
        Assert.Equal($"{first} is not active; there is nothing to reset", rig.Reset(first).Reason);
    }

    [Fact]
    public void Two_evaluations_at_the_same_time_are_allowed()
    {
        var rig = new InterlockRig();
        rig.Step(TimeSpan.Zero);
        Assert.Empty(rig.Last.Active);
    }

    [Fact]
    public void A_trip_describes_its_latest_measurement()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();
        var trip = rig.Trip("IL-AIR");
        Assert.Equal(trip.Measured.ToString(), trip.Latest);
    }

    [Fact]
    public void The_alarm_limit_text_names_the_persistence_only_when_there_is_one()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.2), InflowB = T(42.89) });
        rig.Run(TimeSpan.FromSeconds(2));
        Assert.Equal("limit > 0.3 °C for 2 s", rig.Trip("IL-INFLOW-DISAGREE").ToAlarmCondition().LimitText);

        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();
        Assert.Equal("limit = 1", rig.Trip("IL-AIR").ToAlarmCondition().LimitText);
    }

    [Fact]
    public void A_measurement_without_detail_has_no_empty_parentheses()
    {
        var measurement = new Measurement("flow", 1.5, "L/min", "<", 2, "");
        Assert.Equal("1.5 L/min", measurement.ValueText);
        Assert.Equal("flow 1.5 L/min < 2 L/min", measurement.ToString());
    }

    [Fact]
    public void Response_text_names_safe_state_and_clamp()
    {
        Assert.Equal("safe state, clamp closed", InterlockResponseText.Describe(InterlockResponse.EnterSafeState | InterlockResponse.ClampClose));
    }

    [Fact]
    public void A_rule_is_refused_unless_its_ids_and_persistence_are_well_formed()
    {
        Assert.Equal("IL-PROBE (HAZ-001, SRS-IL-001)", Rule().ToString());
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => Rule(id: "il-probe")).ParamName);
        Assert.Equal("hazardId", Assert.Throws<ArgumentException>(() => Rule(hazard: "HAZ-999")).ParamName);
        Assert.Equal("requirementId", Assert.Throws<ArgumentException>(() => Rule(requirement: "SRS-PH-001")).ParamName);
        Assert.Equal("persistence", Assert.Throws<ArgumentOutOfRangeException>(() => Rule(persistenceSeconds: -1)).ParamName);
    }

    [Fact]
    public void Heater_power_read_back_while_commanded_0_permille_with_the_relay_enabled_is_a_runaway()
    {
        var rig = new InterlockRig();
        rig.LastCommand = Running with { HeaterPowerPermille = 0 };
        rig.Feedback = NominalFeedback() with { HeaterPowerActualPermille = 120 };
        rig.Run(Ms(300));
        Assert.Equal("heater_power_actual 120 ‰ > 0 ‰ (heater commanded off)", rig.Trip("IL-HEATER-RUNAWAY").Measured.ToString());
    }

    [Fact]
    public void Heater_power_while_commanded_on_carries_no_commanded_off_detail()
    {
        var rig = new InterlockRig();
        Assert.Null(rig.Engine.Rules.OfType<HeaterRunawayRule>().Single()
            .Check(new InterlockContext(Input(rig), rig.Last.Sensors, Limits)).Measured!.Detail);
    }

    [Fact]
    public void A_faulted_inflow_probe_is_not_compared_for_disagreement()
    {
        var rig = new InterlockRig(f => f with { InflowA = T(43.0), InflowB = T(41.0), ChannelFaultBits = Bit(SensorChannel.InflowB) });
        rig.Run(TimeSpan.FromSeconds(10));
        Assert.False(rig.IsActive("IL-INFLOW-DISAGREE"));
    }

    [Fact]
    public void A_pump_motor_fault_reports_the_bit_without_limiter_detail_and_a_cleared_watchdog_bit_reads_0()
    {
        var rig = new InterlockRig();
        rig.Feedback = NominalFeedback() with { Status = NominalFeedback().Status | BoardStatus.PumpMotorFault | BoardStatus.SafeLatchedByWatchdog };
        rig.Run(Ms(500));
        var motor = rig.Trip("IL-PUMP-MOTOR-FAULT").Measured;
        Assert.Equal(1, motor.Value);
        Assert.Null(motor.Detail);

        rig.Feedback = NominalFeedback();
        rig.Run(Ms(500));
        Assert.StartsWith("board_status bit0 (safe-latched) 0 = 1", rig.Trip("IL-BOARD-SAFE-LATCH").Latest, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abdominal_over_temperature_names_the_hottest_probe_and_the_single_core_probe_needs_no_name()
    {
        var rig = new InterlockRig(f => f with { Abdomen3 = T(44.0), Core = T(39.6) });
        rig.Run(TimeSpan.FromSeconds(11));
        Assert.Equal(ChannelValue.Name(SensorChannel.Abdomen3), rig.Trip("IL-ABDOMEN-HIGH").Measured.Detail);
        Assert.All(rig.Last.Active.Where(t => t.RuleId.StartsWith("IL-CORE", StringComparison.Ordinal)), t => Assert.Null(t.Measured.Detail));
        Assert.Contains(rig.Last.Active, t => t.RuleId.StartsWith("IL-CORE", StringComparison.Ordinal));
    }

    [Fact]
    public void Sensor_fault_conditions_read_naturally_for_one_probe_and_for_a_group()
    {
        var rules = InterlockRuleSet.Standard(Limits).OfType<SensorFaultRule>().ToList();
        Assert.All(rules.Where(r => r.Channels.Count == 1), r => Assert.EndsWith(" faulted", r.Condition, StringComparison.Ordinal));
        Assert.All(rules.Where(r => r.Channels.Count == 1), r => Assert.DoesNotContain("≥", r.Condition, StringComparison.Ordinal));
        Assert.All(rules.Where(r => r.Channels.Count > 1), r => Assert.StartsWith("≥ ", r.Condition, StringComparison.Ordinal));
    }

    private static InterlockInput Input(InterlockRig rig) => new(
        rig.Now, rig.Phase, rig.Frame, rig.Feedback, rig.LastCommand, rig.FlowTarget, rig.CircuitVolumeBaseline, rig.BusFailures,
        rig.PhaseStartedAt, rig.PumpStartedAt);

    [Fact]
    public void Sensor_fault_rules_do_not_trip_when_the_sensor_board_read_fails_the_bus_rule_does()
    {
        var rig = new InterlockRig();
        rig.SensorReadFails = true;
        rig.Run(TimeSpan.FromSeconds(2));
        var sensorFaultRules = rig.Engine.Rules.OfType<SensorFaultRule>().Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(rig.Last.Active, t => sensorFaultRules.Contains(t.RuleId));
    }

    [Fact]
    public void A_measurement_shows_its_detail_in_parentheses()
    {
        Assert.Equal("1.5 L/min (pump 50 rpm)", new Measurement("flow", 1.5, "L/min", "<", 2, "pump 50 rpm").ValueText);
    }

    [Fact]
    public void No_usable_reading_without_a_sample_says_so()
    {
        var rig = new InterlockRig();
        rig.SensorReadFails = true;
        rig.Step();
        var context = new InterlockContext(Input(rig) with { Sensors = null }, rig.Last.Sensors, Limits);
        Assert.Equal("no sensor sample this cycle", OverTemperatureRule.CoreHigh(Limits).Check(context).UnknownReason);
    }
}
