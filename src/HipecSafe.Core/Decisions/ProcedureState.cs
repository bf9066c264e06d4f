using HipecSafe.Core.Alarms;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Everything the control lane remembers between cycles, as an immutable value: the phase machine's state, the control
/// law's loops, its own sensor validation, the self-test verdict so far, how long the circuit has circulated air-free
/// and how long the reservoir has held steady at target flow (the leak check),
/// where the current phase began (<see cref="Context"/>), the technical alarm conditions, how long a board latch
/// release is still being asked for after an operator reset, the circuit-volume baseline a leak is judged against, and
/// the chemo-clock hold the log is telling. A restarted run takes the circuit-volume baseline and an open chemo-clock
/// hold over from the previous run's checkpoint (SRS-RS-006).
/// </summary>
public sealed record ProcedureState(
    PhaseState Phase,
    ControlLawState Control,
    SensorValidatorState Sensors,
    SelfTestJudge SelfTest,
    Duration PrimedFor,
    ReservoirSteadiness LeakCheck,
    ProcedureContext Context,
    ValueList<AlarmCondition> TechnicalConditions,
    long ReleaseUntilCycle,
    long LastCycle,
    CircuitVolumeBaseline CircuitBaseline,
    ChemoClockEpisode? ChemoHold)
{
    /// <summary>
    /// The procedure was taken over from a previous run's checkpoint (SRS-RS-003). Its set was primed in that run, so the
    /// air detector cannot see the priming air again, and this run's detector check (IL-AIR-DETECTOR-UNTESTED) does not
    /// hold Priming (SRS-PH-025): the alarm alone tells the team.
    /// </summary>
    public bool ResumedAfterRestart { get; init; }

    /// <summary>
    /// The air detector has reported air (a physical reading, as the gate's IL-AIR-DETECTOR-UNTESTED counts it) in this
    /// run's Priming: the set is primed from dry, so until then the detector has not shown it can see air, and Priming
    /// does not end (SRS-PH-026).
    /// </summary>
    public bool PrimingAirSeen { get; init; }
}
