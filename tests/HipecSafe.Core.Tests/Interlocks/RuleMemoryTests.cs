using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Interlocks.Rules;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// Rule memory: what a rule remembers between evaluations is a typed, immutable value in the engine state
/// (<see cref="InterlockRule{TMemory}"/>), never in the rule object. IL-ABDOMEN-BELOW-BAND's arming per chemo
/// phase entry (SRS-IL-048: band low 41.0 °C for 60 s, armed once the median reached the band in this entry or
/// 10 min after it) is the rule that uses it.
/// </summary>
public class RuleMemoryTests
{
    private const string BelowBand = "IL-ABDOMEN-BELOW-BAND";

    private static SensorFrame Abdomen(SensorFrame frame, double all) =>
        frame with { Abdomen1 = T(all), Abdomen2 = T(all), Abdomen3 = T(all), Abdomen4 = T(all) };

    private static AbdomenBelowBandArming ArmingOf(InterlockRig rig) =>
        Assert.IsType<AbdomenBelowBandArming>(Assert.Single(rig.State.Rules, r => r.RuleId == BelowBand).Memory);

    [Fact]
    [Verifies("SRS-IL-048")]
    public void Two_states_on_one_engine_do_not_share_the_below_band_arming()
    {
        // Same engine, same phase entry (t = 0), same abdomen from 1.5 s on; only the history differs: one chemo
        // phase started in the band and cooled below it, the other started below it (the heat-up after the drug).
        var engine = new InterlockEngine(Limits);
        var cooled = new InterlockRig(f => Abdomen(f, 42.0), engine: engine);
        var heatingUp = new InterlockRig(f => Abdomen(f, 40.5), engine: engine);
        TimeSpan? below = null;
        for (var celsius = 41.9; celsius > 40.5 - 1e-9; celsius = Math.Round(celsius - 0.1, 1))
        {
            cooled.Frame = Abdomen(cooled.Frame, celsius);
            cooled.Step();
            heatingUp.Step();
            below ??= celsius < 41.0 ? cooled.Now : null;
        }

        Assert.Equal(Ms(1100), below); // 40.9 °C, ten cycles after 42.0 °C
        while (cooled.Now < below + TimeSpan.FromSeconds(60))
        {
            cooled.Step();
            heatingUp.Step();
        }

        Assert.True(cooled.IsActive(BelowBand), "reached the band in this entry, then 60 s below it");
        Assert.Equal(below, cooled.Trip(BelowBand).ConditionSince);
        Assert.False(heatingUp.IsActive(BelowBand), "never reached the band, and 10 min have not passed");
        Assert.Equal(new AbdomenBelowBandArming(TimeSpan.Zero, ReachedBand: true), ArmingOf(cooled));
        Assert.Equal(new AbdomenBelowBandArming(TimeSpan.Zero, ReachedBand: false), ArmingOf(heatingUp));
    }

    [Fact]
    [Verifies("SRS-IL-048")]
    public void The_arming_is_kept_per_phase_entry_in_the_state()
    {
        var rig = new InterlockRig(f => Abdomen(f, 42.0));
        Assert.Equal(new AbdomenBelowBandArming(TimeSpan.Zero, ReachedBand: true), ArmingOf(rig));

        rig.Phase = Phase.Paused;
        rig.PhaseStartedAt = rig.Now + Cycle;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(new AbdomenBelowBandArming(TimeSpan.Zero, ReachedBand: true), ArmingOf(rig));

        rig.Frame = Abdomen(rig.Frame, 40.8);
        rig.Phase = Phase.ChemoPerfusion;
        rig.PhaseStartedAt = rig.Now + Cycle;
        var entry = rig.PhaseStartedAt;
        rig.Run(TimeSpan.FromSeconds(61));

        Assert.Equal(new AbdomenBelowBandArming(entry, ReachedBand: false), ArmingOf(rig));
        Assert.False(rig.IsActive(BelowBand), "a new entry below the band is a heat-up again");
    }

    [Fact]
    public void The_rule_object_keeps_nothing_the_memory_passed_in_decides()
    {
        var rule = new AbdomenBelowBandRule(Limits);
        var inBand = Context(TimeSpan.FromSeconds(1), 41.0);
        var belowBand = Context(TimeSpan.FromSeconds(2), 40.0);

        var fresh = rule.Arm(belowBand, rule.InitialMemory);
        var reached = rule.Arm(inBand, rule.InitialMemory);
        var freshAgain = rule.Arm(belowBand, rule.InitialMemory);
        var remembered = rule.Arm(belowBand, reached.Memory);

        Assert.Equal(AbdomenBelowBandArming.NotEntered, rule.InitialMemory);
        Assert.Equal(new RuleArming(false, new AbdomenBelowBandArming(TimeSpan.Zero, false)), fresh);
        Assert.Equal(new RuleArming(true, new AbdomenBelowBandArming(TimeSpan.Zero, true)), reached);
        Assert.Equal(fresh, freshAgain);
        Assert.Equal(new RuleArming(true, new AbdomenBelowBandArming(TimeSpan.Zero, true)), remembered);
    }

    [Fact]
    public void Only_the_rules_that_need_earlier_readings_have_memory_and_the_others_answer_AppliesTo_and_keep_none()
    {
        var rules = InterlockRuleSet.Standard(Limits);
        var context = Context(TimeSpan.FromSeconds(1), 42.0);
        string[] withMemory = [BelowBand, "IL-CORE-PROBE-IMPLAUSIBLE", "IL-AIR-DETECTOR-UNTESTED", "IL-RESERVOIR-DRAIN-FALL"];

        Assert.Equal(withMemory.Order(StringComparer.Ordinal), rules.Where(r => r.InitialMemory is not null).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(rules.Where(r => !withMemory.Contains(r.Id)), r => Assert.Equal(new RuleArming(r.AppliesTo(context), null), r.Arm(context, null)));
    }

    [Fact]
    public void A_memory_of_another_type_or_none_is_refused()
    {
        var rule = new AbdomenBelowBandRule(Limits);
        var context = Context(TimeSpan.FromSeconds(1), 42.0);

        Assert.Equal("memory", Assert.Throws<ArgumentException>(() => rule.Arm(context, null)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => rule.Arm(context, new Evaluations(0)));
        Assert.Contains("IL-ABDOMEN-BELOW-BAND remembers a AbdomenBelowBandArming, not Evaluations", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_starts_each_state_from_the_initial_memory_and_hands_back_what_the_rule_returned()
    {
        // A rule armed from its third evaluation on, always holding, tripping at once: each state trips at its own
        // third evaluation, however the calls for two states interleave on one engine.
        var engine = new InterlockEngine(Limits, [new ArmedFromThirdEvaluationRule()]);
        var a = engine.Initial;
        var b = engine.Initial;
        var raisedA = new List<int>();
        var raisedB = new List<int>();

        for (var i = 1; i <= 4; i++)
        {
            (var evaluation, a) = engine.Evaluate(a, Input(Ms(100 * i)));
            if (evaluation.Raised.Count > 0)
            {
                raisedA.Add(i);
            }

            if (i == 1)
            {
                continue; // b starts one evaluation later
            }

            (evaluation, b) = engine.Evaluate(b, Input(Ms(100 * i)));
            if (evaluation.Raised.Count > 0)
            {
                raisedB.Add(i - 1);
            }
        }

        Assert.Equal([3], raisedA);
        Assert.Equal([3], raisedB);
        Assert.Equal(new Evaluations(4), Assert.Single(a.Rules).Memory);
        Assert.Equal(new Evaluations(3), Assert.Single(b.Rules).Memory);
        Assert.Equal(new Evaluations(0), Assert.Single(engine.Initial.Rules).Memory);
    }

    private static InterlockInput Input(TimeSpan now) => new(
        now, Phase.ChemoPerfusion, Nominal(), NominalFeedback(), Running, VolumetricFlow.FromLitersPerMinute(2),
        Volume.FromMilliliters(1500), BusFailureCounts.None, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A chemo perfusion cycle entered at t = 0 with every abdominal probe at <paramref name="abdomen"/>.</summary>
    private static InterlockContext Context(TimeSpan now, double abdomen)
    {
        var input = Input(now) with { Sensors = Abdomen(Nominal(), abdomen) };
        var sensors = new SensorValidator(SensorValidationLimits.For(Limits)).Validate(SensorValidator.Initial, now, input.Sensors).Frame;
        return new InterlockContext(input, sensors, Limits);
    }

    private sealed record Evaluations(int Count) : RuleMemory;

    private sealed class ArmedFromThirdEvaluationRule() : InterlockRule<Evaluations>("IL-TEST-MEMORY", "memory test", Hazards.Occlusion,
        "SRS-IL-099", AlarmPriority.Low, InterlockResponse.None, ClearCondition.WhenConditionClears, Duration.Zero,
        InterlockPhases.PatientConnected, "always")
    {
        protected override Evaluations Initial => new(0);

        public override RuleCheck Check(InterlockContext context) => RuleCheck.Holds(new Measurement("test", 1, "", "=", 1));

        protected override (bool Applies, Evaluations Memory) ArmWith(InterlockContext context, Evaluations memory) =>
            (memory.Count + 1 >= 3, new Evaluations(memory.Count + 1));
    }
}
