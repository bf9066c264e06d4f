using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// What the safety gate needs to know of the procedure to arm its rules: the phase, the flow the pump should deliver,
/// the circuit-volume baseline a leak is judged against (<see cref="CircuitVolumeBaseline"/>; null while none is in
/// force) and when the current phase began. The control lane sends it with every desired command; the gate keeps the
/// last one it got, so a silent control lane leaves the rules armed as they were.
/// </summary>
public sealed record ProcedureContext(Phase Phase, VolumetricFlow FlowTarget, Volume? CircuitVolumeBaseline, TimeSpan PhaseStartedAt)
{
    public static ProcedureContext PowerOn { get; } = new(Phase.PowerOnSelfTest, VolumetricFlow.Zero, null, TimeSpan.Zero);

    public bool IsProtective => Phase is Phase.SafeState or Phase.EmergencyStop;
}
