using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Tests.Interlocks;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate alone against restless boards and a control lane that asks anything — heat with the pump stopped, the pump
/// against a closed clamp, a latch release with the heater on, any phase — or stays silent or answers for the wrong
/// cycle: every verdict keeps the gate's invariants (<see cref="GateInvariant"/>). Seeded.
/// </summary>
public class GateInvariantProperties
{
    [Property(Replay = "(20260611,3001)", MaxTest = 200)]
    [Verifies("SRS-GT-001", "SRS-GT-002", "SRS-GT-003", "SRS-GT-004", "SRS-GT-005", "SRS-GT-006", "SRS-GT-007", "SRS-GT-008",
        "SRS-GT-009", "SRS-GT-010", "SRS-GT-011", "SRS-GT-012", "SRS-GT-013", "SRS-IL-043")]
    public Property Every_verdict_keeps_the_gate_invariants_whatever_the_control_lane_asks() =>
        GateInvariant.NoViolation(DecisionGenerators.GateScript(1, 150), FirstViolation);

    private static string? FirstViolation(GateStep[] script)
    {
        var gate = new SafetyGate(InterlockRig.Limits);
        var state = gate.Initial;
        var board = new ScriptedBoard();
        var context = ProcedureContext.PowerOn;
        var crashLatched = false;
        for (var i = 0; i < script.Length; i++)
        {
            var step = script[i];
            var readout = board.Read(step.Board);
            var hasReadout = step.Board.Kick != BoardKick.NoReadout;
            var sent = step.Arrival == DesiredArrival.Missing ? null : new DesiredCommand(
                step.Arrival == DesiredArrival.OnTime ? board.Cycle : board.Cycle - 1, step.Command,
                new ProcedureContext(step.Phase, VolumetricFlow.FromLitersPerMinute(2.0), Volume.FromMilliliters(1500), TimeSpan.Zero),
                ProcedureReport.PowerOn, step.ResetRequested, step.ReleaseRequested);
            var onTime = step.Arrival == DesiredArrival.OnTime ? sent : null;
            context = onTime?.Context ?? context;
            crashLatched = (crashLatched && onTime?.ResetRequested != true) || step.Crashes.Length > 0;

            var outcome = gate.Decide(state, new GateInput(board.Cycle, board.Now, hasReadout ? readout : null, step.Health, sent, step.Crashes));

            if (GateInvariant.Violation(outcome.Verdict, outcome, hasReadout, onTime, context, crashLatched, step.Health) is { } violation)
            {
                return $"cycle {i} of {script.Length} ({step}): {violation}";
            }

            board.Took(outcome.Verdict);
            state = outcome.State;
        }

        return null;
    }
}
