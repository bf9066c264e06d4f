using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class InterlockEngineTests
{
    [Fact]
    public void A_nominal_perfusion_raises_nothing_and_constrains_nothing()
    {
        var rig = new InterlockRig();

        var evaluation = rig.Run(TimeSpan.FromSeconds(30));

        Assert.Empty(evaluation.Active);
        Assert.Null(evaluation.HighestPriority);
        Assert.Equal(Running, evaluation.Constrain(Running).Command);
        Assert.Empty(evaluation.Constrain(Running).Reasons);
        Assert.Equal(T(43.0), evaluation.Inflow.Temperature);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void Reset_of_a_latched_trip_is_refused_while_the_condition_holds_and_accepted_once_it_is_clear()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();

        var refused = rig.Reset("IL-AIR");
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Run(TimeSpan.FromSeconds(5));
        var stillLatched = rig.Trip("IL-AIR");
        var pumpWhileLatched = rig.Constrained().PumpSpeedRpm;
        var accepted = rig.Reset("IL-AIR");
        var after = rig.Step();

        Assert.False(refused.Succeeded);
        Assert.Equal(ConditionState.Clear, stillLatched.Condition);
        Assert.True(stillLatched.AwaitingReset);
        Assert.Equal(0, pumpWhileLatched);
        Assert.True(accepted.Succeeded);
        Assert.Equal("IL-AIR reset by the operator", accepted.Reason);
        Assert.Empty(after.Active);
        var cleared = Assert.Single(after.Cleared);
        Assert.Equal(ClearCause.OperatorReset, cleared.Cause);
        Assert.Equal(rig.Now - Cycle, cleared.ClearedAt);
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void Reset_names_what_is_wrong_with_a_request_that_cannot_apply()
    {
        var rig = new InterlockRig(f => f with { Core = T(39.6) });

        Assert.Equal("there is no interlock rule 'IL-NOPE'", rig.Reset("IL-NOPE").Reason);
        Assert.Equal("IL-AIR is not active; there is nothing to reset", rig.Reset("IL-AIR").Reason);
        Assert.Equal("IL-CORE-WARNING is not latched; it clears by itself when its condition clears",
            rig.Reset("IL-CORE-WARNING").Reason);
        Assert.True(rig.IsActive("IL-CORE-WARNING"));
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void Reset_all_resets_what_it_can_and_reports_each_latched_trip()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.2), AirDetected = true });
        rig.Frame = rig.Frame with { Core = T(39.6) };
        rig.Step();

        var outcomes = rig.ResetAll();

        Assert.Equal(["IL-CORE-HIGH", "IL-AIR"], outcomes.Select(o => o.RuleId));
        Assert.True(outcomes[0].Succeeded);
        Assert.False(outcomes[1].Succeeded);
        Assert.Equal(["IL-CORE-WARNING", "IL-AIR"], rig.Active.Select(t => t.RuleId));
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_latched_trip_whose_condition_returns_after_reset_is_raised_again()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Step();
        rig.Reset("IL-AIR");

        rig.Frame = rig.Frame with { AirDetected = true };
        var again = rig.Step();

        Assert.Equal("IL-AIR", Assert.Single(again.Raised).RuleId);
    }

    [Fact]
    [Verifies("SRS-IL-042")]
    public void A_failed_read_neither_clears_nor_restarts_a_persistence_time()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = Pressure.FromMillimetersOfMercury(320) };
        rig.Run(Ms(300));

        rig.SensorReadFails = true;
        rig.Run(Ms(300));

        var trip = rig.Trip("IL-OCCLUSION");
        Assert.Equal(Ms(100), trip.ConditionSince);
        Assert.Equal(Ms(600), trip.RaisedAt);
        Assert.Equal(ConditionState.Unknown, trip.Condition);
        Assert.Equal("line pressure 320 mmHg > 300 mmHg", trip.Measured.ToString());
        Assert.Equal("no sensor sample this cycle", trip.Latest);
    }

    [Fact]
    [Verifies("SRS-IL-042")]
    public void A_failed_read_does_not_clear_a_non_latched_trip()
    {
        var rig = new InterlockRig(f => f with { Core = T(39.7) });

        rig.SensorReadFails = true;
        var failed = rig.Step();

        Assert.True(rig.IsActive("IL-CORE-WARNING"));
        Assert.Empty(failed.Cleared);
    }

    [Fact]
    [Verifies("SRS-IL-042", "SRS-IL-009")]
    public void A_latched_trip_cannot_be_reset_while_its_probe_is_broken()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.5) });
        rig.Frame = rig.Frame with { Core = T(39.0), ChannelFaultBits = Bit(SensorChannel.Core) };
        rig.Step();

        var outcome = rig.Reset("IL-CORE-HIGH");

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("IL-CORE-HIGH condition cannot be confirmed clear: no usable reading: core probe: sensor board reports",
            outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-043")]
    public void Active_responses_combine_by_union_and_every_action_names_its_rule_and_hazard()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.2) });
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();

        var constrained = rig.Last.Constrain(Running);

        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), constrained.Command);
        Assert.Equal(
            [
                "heater off: IL-CORE-HIGH (HAZ-003)",
                "heater off: IL-AIR (HAZ-005)",
                "pump stop: IL-AIR (HAZ-005)",
                "clamp closed: IL-AIR (HAZ-005)",
            ],
            constrained.Reasons.Select(r => r.ToString()));
        Assert.True(constrained.ChangedDesired);
        Assert.Equal(AlarmPriority.High, rig.Last.HighestPriority);
        Assert.Equal(
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop | InterlockResponse.ClampClose,
            rig.Last.CombinedResponse);
        Assert.False(rig.Last.RequiresSafeState);
    }

    [Fact]
    [Verifies("SRS-IL-043")]
    public void A_constraint_never_loosens_what_control_asked_for()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.2) });
        var desired = new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false);

        var constrained = rig.Last.Constrain(desired);

        Assert.Equal(desired, constrained.Command);
        Assert.False(constrained.ChangedDesired);
        Assert.Equal("heater off: IL-CORE-HIGH (HAZ-003)", Assert.Single(constrained.Reasons).ToString());
    }

    [Fact]
    [Verifies("SRS-IL-046")]
    public void A_trip_is_reported_raised_once_and_cleared_once()
    {
        var rig = new InterlockRig();

        rig.Frame = rig.Frame with { Core = T(39.6) };
        var first = rig.Step();
        var second = rig.Step();
        rig.Frame = rig.Frame with { Core = T(39.0) };
        var third = rig.Step();
        var fourth = rig.Step();

        Assert.Single(first.Raised);
        Assert.Empty(second.Raised);
        Assert.Single(second.Active);
        Assert.Single(third.Cleared);
        Assert.Empty(fourth.Cleared);
    }

    [Fact]
    [Verifies("SRS-IL-046")]
    public void A_trip_carries_trace_limits_onset_and_becomes_an_alarm_condition()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = Pressure.FromMillimetersOfMercury(350) };
        rig.Run(Ms(600));

        var trip = rig.Trip("IL-OCCLUSION");
        var alarm = trip.ToAlarmCondition();

        Assert.Equal(("IL-OCCLUSION", Hazards.Occlusion, "SRS-IL-017"), (trip.RuleId, trip.HazardId, trip.RequirementId));
        Assert.Equal(Duration.FromMilliseconds(500), trip.Persistence);
        Assert.Equal(new AlarmCondition("IL-OCCLUSION", AlarmPriority.High, "HAZ-004", "Inflow line occluded",
            "350 mmHg", "limit > 300 mmHg for 0.5 s", Latching: true), alarm);
        Assert.Empty(alarm.Problems());
        Assert.Equal("heater off, pump stop", InterlockResponseText.Describe(trip.Response));
        Assert.Equal("safe state (heater off, clamp closed), pump stop",
            InterlockResponseText.Describe(InterlockResponse.SafeState | InterlockResponse.PumpStop));
        Assert.Equal("alarm only", InterlockResponseText.Describe(InterlockResponse.None));
    }

    [Fact]
    [Verifies("SRS-IL-046")]
    public void Latched_causes_are_listed_for_the_phase_machine()
    {
        var rig = new InterlockRig(f => f with { Core = T(40.2), InflowA = T(45.1) });

        Assert.Equal(["IL-INFLOW-HIGH", "IL-CORE-HIGH"], rig.Last.LatchedRuleIds);
        Assert.True(rig.Last.RequiresSafeState);
    }

    [Fact]
    public void Time_going_backwards_is_refused_naming_both_times()
    {
        var engine = new InterlockEngine(Limits);
        var state = engine.Evaluate(engine.Initial, Input(TimeSpan.FromSeconds(2))).State;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Evaluate(state, Input(TimeSpan.FromSeconds(1))));

        Assert.Contains("InterlockInput.Now went backwards: 00:00:01 after 00:00:02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_bus_failure_counts_are_refused()
    {
        var engine = new InterlockEngine(Limits);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            engine.Evaluate(engine.Initial, Input(TimeSpan.Zero) with { BusFailures = new BusFailureCounts(-1, 0) }));

        Assert.Contains("got sensor -1, actuator 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phase_start_in_the_future_is_refused()
    {
        var engine = new InterlockEngine(Limits);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            engine.Evaluate(engine.Initial, Input(TimeSpan.Zero) with { PhaseStartedAt = TimeSpan.FromSeconds(1) }));

        Assert.Contains("must not lie after Now", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_ids_are_refused()
    {
        var rules = InterlockRuleSet.Standard(Limits).Concat([BoardStatusRule.LimiterTripped()]).ToList();

        var ex = Assert.Throws<ArgumentException>(() => new InterlockEngine(Limits, rules));

        Assert.Contains("IL-BOARD-LIMITER appears 2 times", ex.Message, StringComparison.Ordinal);
    }

    private static InterlockInput Input(TimeSpan now) => new(
        now, Phase.ChemoPerfusion, Nominal(), NominalFeedback(), Running, VolumetricFlow.FromLitersPerMinute(2),
        Volume.FromMilliliters(1500), BusFailureCounts.None, TimeSpan.Zero, TimeSpan.Zero);
}
