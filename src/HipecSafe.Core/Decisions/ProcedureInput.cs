using HipecSafe.Core.Operations;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Everything the control lane (<see cref="ProcedureStep"/>) reads in one cycle: the cycle and its procedure time,
/// the boards as read, the watchdog's round, the operator commands that arrived since the last cycle (in order), the
/// gate's verdict of the previous cycle (trips reach the phase machine as data, one cycle later; the gate has already
/// made that cycle's command safe), and technical events (crashes, log storage).
/// </summary>
public sealed record ProcedureInput(
    long Cycle,
    TimeSpan Now,
    BoardReadout Readout,
    HealthStatus Health,
    IReadOnlyList<OperatorAction> Commands,
    GateVerdict? LastVerdict,
    IReadOnlyList<TechnicalEvent> Events);
