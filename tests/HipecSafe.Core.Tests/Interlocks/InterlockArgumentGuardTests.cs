using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors.Validation;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// A null where the interlock layer needs a value is a programming error that must surface as an
/// <see cref="ArgumentNullException"/> naming the parameter, not as a NullReferenceException somewhere deeper
/// (which an owner could mistake for a rule's bug and log without the culprit).
/// </summary>
public class InterlockArgumentGuardTests
{
    private static void AssertNull(string parameter, Func<object?> action) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(action).ParamName);

    public static TheoryData<string> RuleIds => new(InterlockRuleSet.Standard(Limits).Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_refuses_a_null_context(string ruleId)
    {
        var rule = InterlockRuleSet.Standard(Limits).Single(r => r.Id == ruleId);
        AssertNull("context", () => rule.Check(null!));
        AssertNull("context", () => rule.AppliesTo(null!));
        AssertNull("context", () => rule.Arm(null!, rule.InitialMemory));
    }

    [Fact]
    public void Rules_built_from_limits_refuse_null_limits()
    {
        AssertNull("limits", () => InterlockRuleSet.Standard(null!));
        AssertNull("limits", () => new BusFailureRule(null!, BusBoard.Sensor));
        AssertNull("limits", () => new SampleStaleRule(null!));
        AssertNull("limits", () => new FlowDeviationRule(null!));
        AssertNull("limits", () => new InflowDisagreementRule(null!));
        AssertNull("limits", () => new OcclusionRule(null!));
        AssertNull("limits", () => new ReservoirDropRule(null!));
        AssertNull("limits", () => ReservoirLevelRule.Critical(null!));
        AssertNull("limits", () => ReservoirLevelRule.Low(null!));
        AssertNull("limits", () => OverTemperatureRule.InflowHigh(null!));
    }

    [Fact]
    public void The_engine_refuses_null_construction_arguments_and_a_null_input()
    {
        var rules = InterlockRuleSet.Standard(Limits);
        AssertNull("limits", () => new InterlockEngine(null!, rules, SensorValidationLimits.For(Limits)));
        AssertNull("rules", () => new InterlockEngine(Limits, null!, SensorValidationLimits.For(Limits)));
        AssertNull("validation", () => new InterlockEngine(Limits, rules, null!));

        var rig = new InterlockRig();
        AssertNull("input", () => rig.Engine.Evaluate(rig.State, null!));
        var input = new InterlockInput(TimeSpan.FromSeconds(1), rig.Phase, rig.Frame, rig.Feedback, Running, rig.FlowTarget,
            rig.CircuitVolumeBaseline, rig.BusFailures, TimeSpan.Zero, TimeSpan.Zero);
        AssertNull("LastCommand", () => rig.Engine.Evaluate(rig.State, input with { LastCommand = null! }));
        AssertNull("BusFailures", () => rig.Engine.Evaluate(rig.State, input with { BusFailures = null! }));
        AssertNull("state", () => rig.Engine.Evaluate(null!, input));
        AssertNull("state", () => rig.Engine.Reset(null!, "IL-AIR", rig.Now));
        AssertNull("state", () => rig.Engine.ResetAll(null!, rig.Now));
        AssertNull("state", () => rig.Engine.ActiveOf(null!));
        AssertNull("desired", () => rig.Last.Constrain(null!));
    }

    [Fact]
    public void Trace_validation_and_selection_refuse_nulls()
    {
        AssertNull("rules", () => InterlockTrace.Links(null!));
        AssertNull("limits", () => SensorValidationLimits.For(null!));
        AssertNull("limits", () => new SensorValidator(null!));
        AssertNull("state", () => new SensorValidator(SensorValidationLimits.For(Limits)).Validate(null!, TimeSpan.Zero, null));
        AssertNull("sensors", () => InflowSelection.Select(null!));
        AssertNull("sensors", () => AbdominalSelection.Select(null!));
        AssertNull("frame", () => ChannelValue.Of(null!, Sensors.SensorChannel.Core));
        var count = ChannelValue.All.Count;
        AssertNull("faults", () => new ValidatedFrame(TimeSpan.Zero, null, null!, new string[count], TimeSpan.Zero, false));
        AssertNull("details", () => new ValidatedFrame(TimeSpan.Zero, null, new ChannelFaults[count], null!, TimeSpan.Zero, false));
    }
}
