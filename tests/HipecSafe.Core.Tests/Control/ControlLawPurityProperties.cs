using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

/// <summary>
/// The control law keeps nothing between calls: a step is a function of (state, time, inputs) alone. Random cycle
/// sequences over all phases, with sensors dropping out, interlock-constrained applied commands, zero and stalled
/// time steps. Seeded.
/// </summary>
public class ControlLawPurityProperties
{
    /// <summary>One control cycle: the time since the previous one and what the law reads.</summary>
    private sealed record Cycle(double Seconds, ControlInputs Inputs);

    private static readonly Gen<Temperature> Celsius30To46 = Gen.Choose(3000, 4600).Select(c => Temperature.FromDegreesCelsius(c / 100.0));

    private static readonly Gen<ProbeReading> Probe =
        Gen.Choose(3500, 4500).SelectMany(_ => Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))),
            (c, valid) => new ProbeReading(Temperature.FromDegreesCelsius(c / 100.0), valid));

    private static readonly Gen<ActuatorCommand> AnyCommand =
        Gen.Choose(0, 1000).SelectMany(_ => Gen.Choose(0, 6000), (heater, rpm10) => (heater, rpm10))
            .SelectMany(_ => Gen.Elements(true, false), (t, clamp) => new ActuatorCommand(t.heater, t.rpm10 / 10.0, clamp, t.heater > 0));

    private static readonly Gen<Cycle> OneCycle =
        from seconds in Gen.Elements(0.0, 0.05, 0.1, 0.1, 0.1, 0.1, 0.25, 1.5, 30.0)
        from phase in Gen.Frequency(
            (6, Gen.Elements(Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion)),
            (3, Gen.Elements(Phase.Priming, Phase.Washout, Phase.Draining)),
            (1, Gen.Elements(Enum.GetValues<Phase>())))
        from inflow in Celsius30To46
        from outflow in Gen.Frequency((4, Celsius30To46.Select(t => (Temperature?)t)), (1, Gen.Constant((Temperature?)null)))
        from probes in Probe.ArrayOf(4)
        from flow in Gen.Frequency(
            (5, Gen.Choose(0, 3000).Select(ml => (VolumetricFlow?)VolumetricFlow.FromMillilitersPerMinute(ml))),
            (1, Gen.Constant((VolumetricFlow?)null)))
        from applied in Gen.Frequency(
            (6, Gen.Constant((ActuatorCommand?)null)),
            (1, Gen.Constant((ActuatorCommand?)ActuatorCommand.Safe)),
            (1, AnyCommand.Select(c => (ActuatorCommand?)c)))
        select new Cycle(seconds, new ControlInputs(phase, TreatmentProfile.Default, inflow, outflow, probes, flow, applied));

    private static Arbitrary<Cycle[]> Sequence() => Gen.Choose(1, 40).SelectMany(n => OneCycle.ArrayOf(n)).ToArbitrary();

    /// <summary>Time of cycle <paramref name="i"/>: 100 s plus the time steps up to it.</summary>
    private static Duration TimeOf(Cycle[] cycles, int i) => Duration.FromSeconds(100 + cycles.Take(i + 1).Sum(c => c.Seconds));

    /// <summary>Steps cycles <paramref name="from"/> onwards from <paramref name="state"/>, threading the state.</summary>
    private static List<ControlStep> Run(ControlLaw law, Cycle[] cycles, int from = 0, ControlLawState? state = null)
    {
        var steps = new List<ControlStep>();
        var current = state ?? ControlLawState.Initial;
        for (var i = from; i < cycles.Length; i++)
        {
            var step = law.Step(current, TimeOf(cycles, i), cycles[i].Inputs);
            steps.Add(step);
            current = step.State;
        }

        return steps;
    }

    [Property(Replay = "(20251,4871)", MaxTest = 300)]
    [Verifies("SRS-RT-002")]
    public Property One_law_stepped_alternately_over_two_sequences_gives_what_two_separate_laws_give() =>
        Prop.ForAll(Sequence(), Sequence(), (a, b) =>
        {
            var separateA = Run(new ControlLaw(), a);
            var separateB = Run(new ControlLaw(), b);

            var shared = new ControlLaw();
            var (stateA, stateB) = (ControlLawState.Initial, ControlLawState.Initial);
            var interleavedA = new List<ControlStep>();
            var interleavedB = new List<ControlStep>();
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if (i < a.Length)
                {
                    var step = shared.Step(stateA, TimeOf(a, i), a[i].Inputs);
                    interleavedA.Add(step);
                    stateA = step.State;
                }

                if (i < b.Length)
                {
                    var step = shared.Step(stateB, TimeOf(b, i), b[i].Inputs);
                    interleavedB.Add(step);
                    stateB = step.State;
                }
            }

            return (separateA.SequenceEqual(interleavedA) && separateB.SequenceEqual(interleavedB))
                .Label($"{a.Length} + {b.Length} cycles");
        });

    [Property(Replay = "(20252,4871)", MaxTest = 300)]
    [Verifies("SRS-RT-002")]
    public Property The_same_state_time_and_inputs_give_the_same_step_every_time() =>
        Prop.ForAll(Sequence(), cycles =>
        {
            var law = new ControlLaw();
            var state = ControlLawState.Initial;
            for (var i = 0; i < cycles.Length; i++)
            {
                var first = law.Step(state, TimeOf(cycles, i), cycles[i].Inputs);
                var second = law.Step(state, TimeOf(cycles, i), cycles[i].Inputs);
                if (!first.Equals(second))
                {
                    return false.Label($"two steps from the same state at cycle {i} of {cycles.Length} differ");
                }

                state = first.State;
            }

            return true.Label($"{cycles.Length} cycles");
        });

    [Property(Replay = "(20253,4871)", MaxTest = 300)]
    [Verifies("SRS-RT-002")]
    public Property A_returned_state_equals_the_state_rebuilt_by_replaying_and_carries_everything_the_law_needs() =>
        Prop.ForAll(Sequence(), Gen.Choose(0, 39).ToArbitrary(), (cycles, pick) =>
        {
            var steps = Run(new ControlLaw(), cycles);
            var k = Math.Min(pick, cycles.Length - 1);

            var rebuilt = Run(new ControlLaw(), cycles[..(k + 1)])[^1].State;
            // Resumed on yet another law from the rebuilt state: the rest must follow as if never interrupted.
            var resumed = Run(new ControlLaw(), cycles, from: k + 1, state: rebuilt);

            return (rebuilt.Equals(steps[k].State) && resumed.SequenceEqual(steps.Skip(k + 1)))
                .Label($"state after cycle {k} of {cycles.Length}");
        });

    [Theory]
    [InlineData(typeof(ControlLaw))]
    [InlineData(typeof(Pid))]
    [InlineData(typeof(ControlGains))]
    [InlineData(typeof(PidGains))]
    [InlineData(typeof(ControlPlantModel))]
    [Verifies("SRS-RT-002")]
    public void The_law_and_its_loops_hold_only_readonly_configuration(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.True(f.IsInitOnly, $"{type.Name}.{f.Name} can change between calls"));
    }
}
