using HipecSafe.Core.Alarms;
using HipecSafe.Core.Interlocks;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// One <see cref="SafetyGate.Decide"/>: the next gate state, the verdict, the hazard-log records (trips raised and
/// cleared, resets, a missing control output), the trips' alarm conditions, and the interlock evaluation behind it
/// (null when there was no readout to judge).
/// </summary>
public sealed record GateOutcome(
    GateState State,
    GateVerdict Verdict,
    IReadOnlyList<CycleLogEntry> Records,
    IReadOnlyList<AlarmCondition> Conditions,
    InterlockEvaluation? Evaluation);
