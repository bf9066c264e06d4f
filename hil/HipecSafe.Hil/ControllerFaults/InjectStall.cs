namespace HipecSafe.Hil.ControllerFaults;

/// <summary>
/// Fault injection: the component stops responding. In real time its host blocks its thread for the duration (a hung
/// actor); in lockstep the host holds every message back for the duration in cycles, so the run stays deterministic.
/// </summary>
public sealed record InjectStall(TimeSpan Duration);
