using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// The interlock engine and the sensor validator are pure: the answer depends only on the state and input passed
/// in. One instance serving two independent scripts alternately answers each exactly as an instance of its own
/// would, and the same call made twice gives equal answers and states. Random scripts (<see cref="ScriptStep"/>),
/// seeded.
/// </summary>
public class PurityProperties
{
    private const string Seed = "(7207,3119)";

    private static readonly Arbitrary<(ScriptStep[] A, ScriptStep[] B)> TwoScripts =
        (from a in ScriptStep.Scripts from b in ScriptStep.Scripts select (a, b)).ToArbitrary();

    [Property(Replay = Seed, MaxTest = 100)]
    public Property One_engine_serving_two_scripts_alternately_answers_as_two_engines() =>
        Prop.ForAll(TwoScripts, scripts =>
        {
            var shared = new InterlockEngine(Limits);
            var (a, b) = scripts;
            var sharedA = new EnginePlayer(shared);
            var sharedB = new EnginePlayer(shared);
            var ownA = new EnginePlayer(new InterlockEngine(Limits));
            var ownB = new EnginePlayer(new InterlockEngine(Limits));
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if (i < a.Length && Differs($"script A step {i}", sharedA.Play(a[i]), ownA.Play(a[i])) is { } differsA)
                {
                    return differsA;
                }

                if (i < b.Length && Differs($"script B step {i}", sharedB.Play(b[i]), ownB.Play(b[i])) is { } differsB)
                {
                    return differsB;
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = Seed, MaxTest = 100)]
    public Property The_same_engine_call_twice_gives_equal_answers_and_states() =>
        Prop.ForAll(TwoScripts, scripts =>
        {
            var engine = new InterlockEngine(Limits);
            var world = new ScriptWorld();
            var state = engine.Initial;
            var script = scripts.A.Concat(scripts.B).ToArray();
            for (var i = 0; i < script.Length; i++)
            {
                var step = script[i];
                var before = state.ToString();
                (string Text, InterlockEngineState State) first, second;
                switch (step.Action)
                {
                    case ScriptAction.Evaluate:
                        var input = world.Next(step);
                        first = Of(engine.Evaluate(state, input));
                        second = Of(engine.Evaluate(state, input));
                        break;
                    case ScriptAction.Reset:
                        var ruleId = RuleId(engine, step.RuleIndex);
                        first = Of(engine, engine.Reset(state, ruleId, world.Now));
                        second = Of(engine, engine.Reset(state, ruleId, world.Now));
                        break;
                    default:
                        first = Of(engine, engine.ResetAll(state, world.Now));
                        second = Of(engine, engine.ResetAll(state, world.Now));
                        break;
                }

                if (Differs($"step {i} ({step.Action})", first, second) is { } differs)
                {
                    return differs;
                }

                if (state.ToString() != before)
                {
                    return false.Label($"step {i}: the state passed in changed");
                }

                state = first.State;
            }

            return true.ToProperty();
        });

    [Property(Replay = Seed, MaxTest = 100)]
    public Property One_validator_serving_two_sample_streams_alternately_answers_as_two_validators() =>
        Prop.ForAll(TwoScripts, scripts =>
        {
            var limits = SensorValidationLimits.For(Limits);
            var shared = new SensorValidator(limits);
            var (a, b) = scripts;
            var sharedA = new ValidatorPlayer(shared);
            var sharedB = new ValidatorPlayer(shared);
            var ownA = new ValidatorPlayer(new SensorValidator(limits));
            var ownB = new ValidatorPlayer(new SensorValidator(limits));
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if (i < a.Length && Differs($"stream A sample {i}", sharedA.Play(a[i]), ownA.Play(a[i])) is { } differsA)
                {
                    return differsA;
                }

                if (i < b.Length && Differs($"stream B sample {i}", sharedB.Play(b[i]), ownB.Play(b[i])) is { } differsB)
                {
                    return differsB;
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = Seed, MaxTest = 100)]
    public Property The_same_validation_twice_gives_equal_answers_and_states() =>
        Prop.ForAll(TwoScripts, scripts =>
        {
            var validator = new SensorValidator(SensorValidationLimits.For(Limits));
            var world = new ScriptWorld();
            var state = SensorValidator.Initial;
            var script = scripts.A.Concat(scripts.B).ToArray();
            for (var i = 0; i < script.Length; i++)
            {
                var input = world.Next(script[i]);
                var before = state.ToString();
                var first = Of(validator.Validate(state, input.Now, input.Sensors));
                var second = Of(validator.Validate(state, input.Now, input.Sensors));
                if (Differs($"sample {i}", first, second) is { } differs)
                {
                    return differs;
                }

                if (state.ToString() != before)
                {
                    return false.Label($"sample {i}: the state passed in changed");
                }

                state = first.State;
            }

            return true.ToProperty();
        });

    /// <summary>Null when both answers and states are equal, otherwise a failed property saying where.</summary>
    private static Property? Differs<TState>(string where, (string Text, TState State) x, (string Text, TState State) y)
        where TState : IEquatable<TState>
    {
        if (x.Text != y.Text)
        {
            return false.Label($"{where}: answers differ\n{x.Text}\n---\n{y.Text}");
        }

        return x.State.Equals(y.State) ? null : false.Label($"{where}: states differ\n{x.State}\n---\n{y.State}");
    }

    private static string RuleId(InterlockEngine engine, int index) =>
        index < engine.Rules.Count ? engine.Rules[index].Id : "IL-NOT-A-RULE";

    private static (string Text, InterlockEngineState State) Of(InterlockStep step) => (EvaluationText.Of(step.Evaluation), step.State);

    private static (string Text, InterlockEngineState State) Of(InterlockEngine engine, ResetStep step) =>
        (EvaluationText.Of(step.Outcome) + " active: " + string.Join(" | ", engine.ActiveOf(step.State).Select(EvaluationText.Of)), step.State);

    private static (string Text, InterlockEngineState State) Of(InterlockEngine engine, ResetAllStep step) =>
        (string.Join(", ", step.Outcomes.Select(EvaluationText.Of)) + " active: " + string.Join(" | ", engine.ActiveOf(step.State).Select(EvaluationText.Of)), step.State);

    private static (string Text, SensorValidatorState State) Of(SensorValidation validation) => (EvaluationText.Of(validation.Frame), validation.State);

    /// <summary>Plays one script on an engine, threading that script's state; several players may share the engine.</summary>
    private sealed class EnginePlayer(InterlockEngine engine)
    {
        private readonly ScriptWorld _world = new();
        private InterlockEngineState _state = engine.Initial;

        public (string Text, InterlockEngineState State) Play(ScriptStep step)
        {
            var (text, state) = step.Action switch
            {
                ScriptAction.Evaluate => Of(engine.Evaluate(_state, _world.Next(step))),
                ScriptAction.Reset => Of(engine, engine.Reset(_state, RuleId(engine, step.RuleIndex), _world.Now)),
                _ => Of(engine, engine.ResetAll(_state, _world.Now)),
            };
            _state = state;
            return (text, state);
        }
    }

    /// <summary>Plays the samples of one script on a validator, threading that stream's state.</summary>
    private sealed class ValidatorPlayer(SensorValidator validator)
    {
        private readonly ScriptWorld _world = new();
        private SensorValidatorState _state = SensorValidator.Initial;

        public (string Text, SensorValidatorState State) Play(ScriptStep step)
        {
            var input = _world.Next(step);
            var (text, state) = Of(validator.Validate(_state, input.Now, input.Sensors));
            _state = state;
            return (text, state);
        }
    }
}
