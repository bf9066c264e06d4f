using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Decisions;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The decision units keep nothing between calls: one <see cref="ProcedureStep"/> and one <see cref="SafetyGate"/> used
/// alternately for two independent procedures decide as two pairs of their own would, and the same state and input
/// give the same outcome every time. Seeded random procedures (<see cref="DecisionGenerators"/>).
/// </summary>
public class DecisionPurityProperties
{
    [Property(Replay = "(20260613,3003)", MaxTest = 40)]
    [Verifies("SRS-RT-002")]
    public Property One_pair_of_units_used_alternately_on_two_procedures_decides_as_two_separate_pairs() =>
        Prop.ForAll(DecisionGenerators.CycleScript(1, 400), DecisionGenerators.CycleScript(1, 400), (a, b) =>
        {
            var separateA = new ScriptedCycles(ScriptedCycles.NewCore()).Run(a);
            var separateB = new ScriptedCycles(ScriptedCycles.NewCore()).Run(b);

            var shared = ScriptedCycles.NewCore();
            var (runA, runB) = (new ScriptedCycles(shared), new ScriptedCycles(shared));
            var alternateA = new List<CycleResult>();
            var alternateB = new List<CycleResult>();
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if (i < a.Length)
                {
                    alternateA.Add(runA.Step(a[i]));
                }

                if (i < b.Length)
                {
                    alternateB.Add(runB.Step(b[i]));
                }
            }

            var firstDifference = Enumerable.Range(0, a.Length).FirstOrDefault(i => !DecisionComparison.SameCycle(separateA[i], alternateA[i]), -1);
            var firstDifferenceB = Enumerable.Range(0, b.Length).FirstOrDefault(i => !DecisionComparison.SameCycle(separateB[i], alternateB[i]), -1);
            return (firstDifference < 0 && firstDifferenceB < 0)
                .Label($"{a.Length} + {b.Length} cycles; first difference at cycle {firstDifference} of A, {firstDifferenceB} of B");
        });

    [Property(Replay = "(20260614,3007)", MaxTest = 40)]
    [Verifies("SRS-RT-002")]
    public Property The_same_state_and_input_give_the_same_outcome_every_time() =>
        Prop.ForAll(DecisionGenerators.CycleScript(1, 400), script =>
        {
            var core = ScriptedCycles.NewCore();
            var run = new ScriptedCycles(core);
            for (var i = 0; i < script.Length; i++)
            {
                var state = run.State;
                var input = run.NextInput(script[i]);
                var procedureInput = new ProcedureInput(input.Cycle, input.Now, input.Readout, input.Health, input.Commands,
                    state.LastVerdict, input.Events);
                var first = core.Procedure.Step(state.Procedure, procedureInput);
                var second = core.Procedure.Step(state.Procedure, procedureInput);
                var gateInput = new GateInput(input.Cycle, input.Now, input.Readout, input.Health, first.Desired,
                    input.Events.OfType<ComponentCrashed>().ToList());
                var firstGate = core.Gate.Decide(state.Gate, gateInput);
                var secondGate = core.Gate.Decide(state.Gate, gateInput);
                if (!DecisionComparison.SameProcedure(first, second) || !DecisionComparison.SameGate(firstGate, secondGate))
                {
                    return false.Label($"two decisions from the same state differ at cycle {i} of {script.Length}");
                }

                var whole = core.Run(state, input);
                if (!DecisionComparison.SameProcedure(first, whole.Procedure) || !DecisionComparison.SameGate(firstGate, whole.Gate))
                {
                    return false.Label($"the cycle core decided otherwise than its units at cycle {i} of {script.Length}");
                }

                run.Keep(whole);
            }

            return true.Label($"{script.Length} cycles");
        });
}
