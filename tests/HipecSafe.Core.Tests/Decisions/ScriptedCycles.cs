using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Tests.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Runs a <see cref="CycleCore"/> over a random script the way the runtime's actors compose the two units: each cycle's
/// input from the <see cref="ScriptedBoard"/> and the script's health, commands and events; the verdict written back to
/// the board.
/// </summary>
internal sealed class ScriptedCycles(CycleCore core)
{
    private readonly ScriptedBoard _board = new();

    public CycleState State { get; private set; } = core.Initial;

    public static CycleCore NewCore() => new(
        new ProcedureStep(TreatmentProfile.Default, new ControlLaw(), InterlockRig.Cycle, ProcedureRig.ControlLoop),
        new SafetyGate(InterlockRig.Limits));

    /// <summary>The next cycle's input (advances the boards).</summary>
    public CycleInput NextInput(CycleStep step)
    {
        var readout = _board.Read(step.Board);
        return new CycleInput(_board.Cycle, _board.Now, readout, step.Health, step.Commands, step.Events);
    }

    /// <summary>Keeps what a cycle decided: the next state, and the verdict written to the board.</summary>
    public CycleResult Keep(CycleResult result)
    {
        State = result.State;
        _board.Took(result.Gate.Verdict);
        return result;
    }

    public CycleResult Step(CycleStep step) => Keep(core.Run(State, NextInput(step)));

    public List<CycleResult> Run(IEnumerable<CycleStep> script) => script.Select(Step).ToList();
}
