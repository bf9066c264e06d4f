namespace HipecSafe.Core.Decisions;

/// <summary>
/// One cycle's decisions without actors: the control lane's <see cref="ProcedureStep"/>, then the
/// <see cref="SafetyGate"/> on the same readout with the desired command, as the runtime's actors compose them when
/// nothing is late. A pure function of the two states, for tests, fast simulation and model checking.
/// </summary>
public sealed class CycleCore(ProcedureStep procedure, SafetyGate gate)
{
    public ProcedureStep Procedure { get; } = procedure ?? throw new ArgumentNullException(nameof(procedure));

    public SafetyGate Gate { get; } = gate ?? throw new ArgumentNullException(nameof(gate));

    public CycleState Initial => new(Procedure.Initial, Gate.Initial, null);

    public CycleResult Run(CycleState state, CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var procedure = Procedure.Step(state.Procedure, new ProcedureInput(input.Cycle, input.Now, input.Readout, input.Health,
            input.Commands, state.LastVerdict, input.Events));
        var crashes = input.Events.OfType<ComponentCrashed>().ToList();
        var gate = Gate.Decide(state.Gate, new GateInput(input.Cycle, input.Now, input.Readout, input.Health, procedure.Desired, crashes));
        return new CycleResult(new CycleState(procedure.State, gate.State, gate.Verdict), procedure, gate);
    }
}
