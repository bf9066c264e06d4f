using HipecSafe.Core.Collections;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Everything the safety gate remembers between cycles, as an immutable value: the interlock engine's state (sensor
/// validation, timers, latched trips), the last procedure context the control lane sent, when the pump was last
/// started, and the component crashes latched until an operator reset.
/// </summary>
public sealed record GateState(
    InterlockEngineState Interlocks,
    ProcedureContext Context,
    TimeSpan? PumpStartedAt,
    ValueList<SafetyCause> Crashes,
    long LastCycle);
