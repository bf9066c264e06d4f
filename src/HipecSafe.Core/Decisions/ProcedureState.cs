using HipecSafe.Core.Alarms;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Everything the control lane remembers between cycles, as an immutable value: the phase machine's state, the control
/// law's loops, its own sensor validation, the self-test verdict so far, how long the circuit has circulated air-free,
/// where the current phase began (<see cref="Context"/>), the technical alarm conditions, and how long a board latch
/// release is still being asked for after an operator reset, and after a restart the interrupted phase's baselines.
/// </summary>
public sealed record ProcedureState(
    PhaseState Phase,
    ControlLawState Control,
    SensorValidatorState Sensors,
    SelfTestJudge SelfTest,
    Duration PrimedFor,
    ProcedureContext Context,
    ValueList<AlarmCondition> TechnicalConditions,
    long ReleaseUntilCycle,
    long LastCycle)
{
    /// <summary>
    /// After a restart: the interrupted phase's baselines (the reservoir volume it started from), taken up when the
    /// procedure re-enters that phase; null otherwise (SRS-RS-006).
    /// </summary>
    public ProcedureContext? ResumeBaseline { get; init; }
}
