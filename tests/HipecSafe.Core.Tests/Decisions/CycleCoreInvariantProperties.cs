using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Both units composed (<see cref="CycleCore"/>) over random procedures — an operator mostly following the treatment,
/// boards now and then disturbed, components late, failing, crashing: every verdict keeps the gate's invariants, and
/// SafeState and EmergencyStop always end in the safe command. Seeded.
/// </summary>
public class CycleCoreInvariantProperties
{
    [Property(Replay = "(20260612,3005)", MaxTest = 60)]
    [Verifies("SRS-GT-001", "SRS-GT-002", "SRS-GT-003", "SRS-GT-004", "SRS-GT-005", "SRS-GT-006", "SRS-GT-007", "SRS-GT-008",
        "SRS-GT-009", "SRS-GT-010", "SRS-GT-011", "SRS-GT-012", "SRS-RT-004", "SRS-IL-043")]
    public Property Every_cycle_keeps_the_gate_invariants() =>
        GateInvariant.NoViolation(DecisionGenerators.CycleScript(1, 500), FirstViolation);

    private static string? FirstViolation(CycleStep[] script)
    {
        var run = new ScriptedCycles(ScriptedCycles.NewCore());
        var crashLatched = false;
        for (var i = 0; i < script.Length; i++)
        {
            var result = run.Step(script[i]);
            var desired = result.Procedure.Desired;
            crashLatched = (crashLatched && !desired.ResetRequested) || script[i].Events.OfType<ComponentCrashed>().Any();
            var verdict = result.Gate.Verdict;
            var violation = GateInvariant.Violation(verdict, result.Gate, true, desired, desired.Context, crashLatched, script[i].Health)
                ?? (result.State.Procedure.Phase.IsProtective && verdict.Command != ActuatorCommand.Safe
                    ? $"{verdict.Command} in {result.State.Procedure.Phase.Current} (SRS-RT-004)"
                    : null);
            if (violation is not null)
            {
                return $"cycle {i} of {script.Length} ({script[i]}): {violation}";
            }
        }

        return null;
    }
}
