using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;

namespace HipecSafe.Hil.Scenarios;

/// <summary>A safe state seen by the <see cref="SafeStateJudge"/>: when, what held it, whether the pump still ran.</summary>
public sealed record SafeStateSighting(TimeSpan Time, string Cause, bool PumpRunning, Phase Phase);

/// <summary>A latched protection while the heater still received power (e.g. a welded relay): not a safe state.</summary>
public sealed record UnsafeProtection(TimeSpan Time, string Cause, double HeaterDeliveredW);

/// <summary>
/// Everything a run measured that the expectations are judged on: fault onsets, safe-state sightings, truth maxima,
/// completion, the hazard log's findings and integrity, and how the run ended.
/// </summary>
/// <param name="FirstSafeState">The first safe state of the whole run (a false trip, for <c>forbidden</c>).</param>
/// <param name="SafeStateAfterOnset">The first safe state at or after the fault onset (for <c>required</c> and <c>within</c>).</param>
/// <param name="FindingsFrom">
/// Hazard-log records from this procedure time on count as after the onset: the controller stamps an event it handles
/// between cycles (a crash) with its last cycle's time, so this is the onset less one cycle period.
/// </param>
/// <param name="ProtectedButHeating">After the onset, the first time a protection latched while the heater still got power.</param>
/// <param name="PhasesEntered">Every phase the procedure was in, with the first cycle it was seen in.</param>
/// <param name="Alarms">Every alarm raised during the run, once per raise and priority, from the cycle reports.</param>
/// <param name="Script">The operator script's steps with when they fired.</param>
/// <param name="ChemoWithoutFlow">Chemo time the controller counted in cycles through which no perfusate flowed, with the first such cycle.</param>
/// <param name="StoppedAtSafeState">The run was ended early because the device was held safe (faults not yet due were not injected).</param>
public sealed record ScenarioObservations(
    IReadOnlyList<FaultActivation> Faults,
    TimeSpan? FaultOnset,
    TimeSpan? FindingsFrom,
    SafeStateSighting? FirstSafeState,
    SafeStateSighting? SafeStateAfterOnset,
    UnsafeProtection? ProtectedButHeating,
    double MaxAbdomenC,
    double MaxInflowC,
    double MaxCoreC,
    bool Completed,
    IReadOnlyList<HazardLogFinding> Findings,
    VerificationStatus LogStatus,
    string LogDescription,
    TimeSpan EndTime,
    Phase? EndPhase,
    string EndReason,
    bool StoppedAtSafeState,
    IReadOnlyDictionary<Phase, TimeSpan>? PhasesEntered = null,
    IReadOnlyList<AlarmSighting>? Alarms = null,
    IReadOnlyList<OperatorStepActivation>? Script = null,
    ChemoCountedWithoutFlow? ChemoWithoutFlow = null)
{
    public TimeSpan? TimeToSafeState => SafeStateAfterOnset is { } s && FaultOnset is { } o ? s.Time - o : null;

    /// <summary>Findings logged at or after the fault onset (all of them when no fault fired).</summary>
    public IReadOnlyList<HazardLogFinding> FindingsAfterOnset => [.. Findings.Where(f => FindingsFrom is not { } from || f.Time >= from)];
}

/// <summary>An alarm seen in a cycle report: its ID and priority, when it was raised, and the first cycle showing it at that priority.</summary>
public sealed record AlarmSighting(string Id, Core.Alarms.AlarmPriority Priority, TimeSpan RaisedAt, TimeSpan SeenAt)
{
    public override string ToString() => $"{Id} ({Priority.ToString().ToLowerInvariant()}) at {ScenarioTime.Clock(SeenAt)}";
}

/// <summary>
/// Chemo time counted in cycles without flow (<see cref="ChemoClockExpectation"/>): the total, the first such cycle and
/// their number, out of <see cref="ChemoCyclesWithoutFlow"/> cycles in ChemoPerfusion without flow (what was judged).
/// </summary>
public sealed record ChemoCountedWithoutFlow(TimeSpan Total, TimeSpan? FirstAt, int Cycles, int ChemoCyclesWithoutFlow)
{
    public static ChemoCountedWithoutFlow None { get; } = new(TimeSpan.Zero, null, 0, 0);
}
