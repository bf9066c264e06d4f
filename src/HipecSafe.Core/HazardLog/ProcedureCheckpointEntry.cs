using HipecSafe.Core.Phases;

namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The procedure's state as a restarted controller needs it to continue (requirements/restart.yaml): the phase and
/// where Resume returns to, the phase a restarted run is still holding for (interruptedIn), the phase clocks that end
/// phases (chemo, washout, draining), the profile and its chemo duration, the circuit-volume baseline a leak is judged
/// against with the washout's saline-exchange state, an open chemo-clock hold episode, the causes that latched SafeState
/// and the latched interlock trips. The hazard log is the only place it is
/// kept: <see cref="Decisions.ProcedureResume"/> reads the last one back.
/// </summary>
public sealed record ProcedureCheckpointEntry : HazardLogEntry
{
    public ProcedureCheckpointEntry(Phase phase, Phase? interruptedIn, Phase resumePhase, TimeSpan chemoElapsed, TimeSpan chemoDuration,
        TimeSpan washoutElapsed, TimeSpan drainingElapsed, string profileId, CheckpointCircuitVolume circuitVolume,
        CheckpointChemoHold? chemoHold, IReadOnlyList<string> latchedCauses, IReadOnlyList<string> latchedTrips)
    {
        Phase = EntryText.Defined(phase, nameof(Phase));
        InterruptedIn = interruptedIn is { } was ? EntryText.Defined(was, nameof(InterruptedIn)) : null;
        ResumePhase = EntryText.Defined(resumePhase, nameof(ResumePhase));
        ChemoElapsed = NotNegative(chemoElapsed, nameof(ChemoElapsed));
        ChemoDuration = NotNegative(chemoDuration, nameof(ChemoDuration));
        WashoutElapsed = NotNegative(washoutElapsed, nameof(WashoutElapsed));
        DrainingElapsed = NotNegative(drainingElapsed, nameof(DrainingElapsed));
        ProfileId = EntryText.Required(profileId, nameof(ProfileId));
        CircuitVolume = circuitVolume ?? throw new ArgumentNullException(nameof(circuitVolume));
        ChemoHold = chemoHold;
        ArgumentNullException.ThrowIfNull(latchedCauses);
        ArgumentNullException.ThrowIfNull(latchedTrips);
        LatchedCauses = [.. latchedCauses.Select(c => EntryText.Required(c, nameof(LatchedCauses)))];
        LatchedTrips = [.. latchedTrips.Select(t => EntryText.Required(t, nameof(LatchedTrips)))];
    }

    public Phase Phase { get; }
    public Phase? InterruptedIn { get; }
    public Phase ResumePhase { get; }
    public TimeSpan ChemoElapsed { get; }
    public TimeSpan ChemoDuration { get; }
    public TimeSpan WashoutElapsed { get; }
    public TimeSpan DrainingElapsed { get; }
    public string ProfileId { get; }
    public CheckpointCircuitVolume CircuitVolume { get; }

    /// <summary>The chemo-clock hold episode still open at the checkpoint (SRS-PH-022); null when the clock is not held.</summary>
    public CheckpointChemoHold? ChemoHold { get; }
    public IReadOnlyList<string> LatchedCauses { get; }
    public IReadOnlyList<string> LatchedTrips { get; }

    public override HazardLogKind Kind => HazardLogKind.ProcedureCheckpoint;

    // Records compare by content (the record's own equality would compare the lists by reference).
    public bool Equals(ProcedureCheckpointEntry? other) => other is not null
        && Phase == other.Phase && InterruptedIn == other.InterruptedIn && ResumePhase == other.ResumePhase
        && ChemoElapsed == other.ChemoElapsed && ChemoDuration == other.ChemoDuration && WashoutElapsed == other.WashoutElapsed
        && DrainingElapsed == other.DrainingElapsed && ProfileId == other.ProfileId && CircuitVolume == other.CircuitVolume
        && ChemoHold == other.ChemoHold
        && LatchedCauses.SequenceEqual(other.LatchedCauses) && LatchedTrips.SequenceEqual(other.LatchedTrips);

    public override int GetHashCode() => HashCode.Combine(Phase, ChemoElapsed, ProfileId, LatchedCauses.Count, LatchedTrips.Count);

    private static TimeSpan NotNegative(TimeSpan value, string field) => value >= TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} must not be negative.");
}
