namespace HipecSafe.Core.Decisions;

/// <summary>Both decision units' states, and the gate's last verdict (the control lane's view of the trips).</summary>
public sealed record CycleState(ProcedureState Procedure, GateState Gate, GateVerdict? LastVerdict);
