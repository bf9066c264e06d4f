using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// The engine state is the engine's whole memory: it is a value, it belongs to one rule set, a trip latched in
/// one state is not in another, and an engine built anew (an actor restart) carries on from it.
/// </summary>
public class InterlockEngineStateTests
{
    [Fact]
    public void Engines_with_the_same_rules_start_from_equal_states_and_an_evaluation_moves_on()
    {
        var rig = new InterlockRig();
        var other = new InterlockEngine(Limits);

        Assert.Equal(rig.Engine.Initial, other.Initial);
        Assert.Null(other.Initial.LastNow);
        Assert.Equal(rig.Engine.Rules.Select(r => r.Id), other.Initial.Rules.Select(r => r.RuleId));
        Assert.NotEqual(rig.Engine.Initial, rig.State);
        Assert.Equal(TimeSpan.Zero, rig.State.LastNow);
        Assert.Equal(rig.State.Sensors, other.Evaluate(other.Initial, rig.Input()).State.Sensors);
    }

    [Fact]
    public void A_state_from_an_engine_with_other_rules_is_refused()
    {
        var engine = new InterlockEngine(Limits);
        var fewer = new InterlockEngine(Limits, InterlockRuleSet.Standard(Limits).Skip(1).ToList());
        var reordered = new InterlockEngine(Limits, InterlockRuleSet.Standard(Limits).Reverse().ToList());
        var input = new InterlockRig().Input();

        var ex = Assert.Throws<ArgumentException>(() => engine.Evaluate(fewer.Initial, input));
        Assert.Equal("state", ex.ParamName);
        var count = engine.Rules.Count;
        Assert.Contains($"the state holds {count - 1} rules, this engine has {count}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => engine.Evaluate(reordered.Initial, input));
        Assert.Throws<ArgumentException>(() => engine.Reset(fewer.Initial, "IL-AIR", TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => engine.ResetAll(reordered.Initial, TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => engine.ActiveOf(fewer.Initial));
    }

    [Fact]
    [Verifies("SRS-IL-040")]
    public void A_trip_latched_in_one_state_is_not_in_another_and_its_reset_touches_only_its_own()
    {
        var engine = new InterlockEngine(Limits);
        var air = new InterlockRig(engine: engine);
        var clear = new InterlockRig(engine: engine);
        air.Frame = air.Frame with { AirDetected = true };
        air.Step();
        clear.Step();
        air.Frame = air.Frame with { AirDetected = false };
        air.Step();
        clear.Step();

        Assert.True(air.IsActive("IL-AIR"));
        Assert.Empty(clear.Active);
        Assert.Equal("IL-AIR is not active; there is nothing to reset", clear.Reset("IL-AIR").Reason);
        var latched = air.State;
        Assert.True(air.Reset("IL-AIR").Succeeded);
        Assert.Empty(air.Active);
        Assert.Equal(["IL-AIR"], engine.ActiveOf(latched).Select(t => t.RuleId));
        Assert.Empty(clear.Step().Cleared);
        Assert.Equal(ClearCause.OperatorReset, Assert.Single(air.Step().Cleared).Cause);
    }

    [Fact]
    public void A_refused_reset_returns_the_state_it_was_given()
    {
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Step();

        var refused = rig.Engine.Reset(rig.State, "IL-AIR", rig.Now);
        var unknown = rig.Engine.Reset(rig.State, "IL-NOPE", rig.Now);
        var all = rig.Engine.ResetAll(rig.State, rig.Now);

        Assert.False(refused.Outcome.Succeeded);
        Assert.Same(rig.State, refused.State);
        Assert.Same(rig.State, unknown.State);
        Assert.False(Assert.Single(all.Outcomes).Succeeded);
        Assert.Same(rig.State, all.State);
    }

    [Fact]
    [Verifies("SRS-IL-042")]
    public void A_new_engine_carries_on_from_the_state_the_old_one_returned()
    {
        // An actor restart keeps the state, not necessarily the engine: line pressure 320 mmHg from 100 ms on holds
        // its 500 ms persistence across the change of engine and trips at 600 ms, once.
        var rig = new InterlockRig();
        rig.Frame = rig.Frame with { InflowPressure = Pressure.FromMillimetersOfMercury(320) };
        rig.Run(Ms(300));
        var restarted = new InterlockEngine(Limits);
        var state = rig.State;
        var raised = new List<InterlockTrip>();

        for (var i = 1; i <= 4; i++)
        {
            rig.Frame = rig.Frame with { SampleCounter = (ushort)(rig.Frame.SampleCounter + 1) };
            var input = rig.Input() with { Now = rig.Now + (i * Cycle) };
            (var evaluation, state) = restarted.Evaluate(state, input);
            raised.AddRange(evaluation.Raised);
        }

        var trip = Assert.Single(raised);
        Assert.Equal("IL-OCCLUSION", trip.RuleId);
        Assert.Equal(Ms(100), trip.ConditionSince);
        Assert.Equal(Ms(600), trip.RaisedAt);
        Assert.Equal(["IL-OCCLUSION"], restarted.ActiveOf(state).Select(t => t.RuleId));
        Assert.IsType<AbdomenBelowBandArming>(state.Rules.Single(r => r.RuleId == "IL-ABDOMEN-BELOW-BAND").Memory);
    }
}
