using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
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
    /// <summary>The cycle period of a plain scripted step, in milliseconds.</summary>
    public const int Period = 100;

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

    /// <summary>A 100 ms step with all components answering: an optional board kick and operator commands.</summary>
    public static CycleStep Plain(BoardKick kick = BoardKick.None, double value = 0, params OperatorAction[] commands) =>
        new(new BoardStep(Period, kick, value, 0), HealthStatus.AllAnswered, commands, []);

    /// <summary>Plain steps for <paramref name="duration"/>; the last cycle's result.</summary>
    public CycleResult RunFor(TimeSpan duration)
    {
        CycleResult last = null!;
        for (var i = 0; i < duration.TotalMilliseconds / Period; i++)
        {
            last = Step(Plain());
        }

        return last;
    }

    /// <summary>
    /// The set is primed from dry, so its air passes the detector early in Priming: without it the detector's check fails
    /// (IL-AIR-DETECTOR-UNTESTED, SRS-IL-064) and Priming does not end (SRS-PH-025, SRS-PH-026).
    /// </summary>
    public void PassPrimingAir()
    {
        Step(new CycleStep(new BoardStep(Period, BoardKick.Air, 0, 1), HealthStatus.AllAnswered, [], []));
        RunFor(TimeSpan.FromSeconds(2));
        Step(new CycleStep(new BoardStep(Period, BoardKick.Air, 0, 0), HealthStatus.AllAnswered, [], []));
    }
}
