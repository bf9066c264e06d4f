using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate applies every active trip's response first, then its own rules in order; no rule loosens what came before
/// (requirements/gate.yaml, SRS-IL-043).
/// </summary>
public class GateInterlockResponseTests
{
    /// <summary>A test rule whose only response is to close the clamp, so the gate rules after it have work left.</summary>
    private sealed class ClampOnlyRule() : InterlockRule("IL-TEST-CLAMP", "test: clamp closed", Hazards.Occlusion, "SRS-IL-099",
        AlarmPriority.High, InterlockResponse.ClampClose, ClearCondition.WhenConditionClears, Duration.Zero, InterlockPhases.All, "always")
    {
        public override RuleCheck Check(InterlockContext context) => RuleCheck.Holds(new Measurement("test", 1, "", "=", 1));
    }

    private static SafetyGate GateWithClampOnlyRule() =>
        new(new InterlockEngine(Limits, [.. InterlockRuleSet.Standard(Limits), new ClampOnlyRule()]));

    [Fact]
    [Verifies("SRS-GT-010", "SRS-GT-011", "SRS-IL-043")]
    public void A_clamp_closed_by_an_interlock_stops_the_pump_and_then_the_heater_in_rule_order()
    {
        var rig = new GateRig(gate: GateWithClampOnlyRule());

        var verdict = rig.Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
        Assert.Equal(
            [
                new ConstraintReason(ConstraintAction.ClampClose, "IL-TEST-CLAMP", "HAZ-004"),
                new ConstraintReason(ConstraintAction.PumpStop, "GATE-CLAMP-PUMP", "HAZ-004"),
                new ConstraintReason(ConstraintAction.HeaterOff, "GATE-PUMP-HEATER", "HAZ-010"),
            ],
            verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-IL-043")]
    public void A_gate_rule_that_acts_on_the_heater_only_keeps_what_the_interlocks_stopped()
    {
        // IL-OCCLUSION stops the pump and the heater (SRS-IL-017); a late control lane then adds heater off only.
        var rig = new GateRig(f => f with { InflowPressure = Pressure.FromMillimetersOfMercury(301) });
        rig.Run(TimeSpan.FromMilliseconds(500), Running);
        Assert.True(rig.IsActive("IL-OCCLUSION"));

        var verdict = rig.DecideWithoutDesired().Verdict;

        Assert.Equal(0, verdict.Command.PumpSpeedRpm);
        Assert.False(verdict.Command.HeaterEnabled);
        Assert.Equal(0, verdict.Command.HeaterPowerPermille);
    }

    [Fact]
    [Verifies("SRS-IL-043")]
    public void Interlock_reasons_come_before_the_gate_rules_reasons()
    {
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        rig.Frame = rig.Frame with { InflowA = T(45.5) };

        var reasons = rig.Decide(Running).Verdict.Reasons;

        var lastInterlock = reasons.ToList().FindLastIndex(r => r.RuleId.StartsWith("IL-", StringComparison.Ordinal));
        var firstGate = reasons.ToList().FindIndex(r => r.RuleId.StartsWith("GATE-", StringComparison.Ordinal));
        Assert.True(lastInterlock >= 0 && firstGate > lastInterlock, string.Join(", ", reasons));
    }
}
