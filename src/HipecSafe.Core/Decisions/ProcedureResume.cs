using System.Globalization;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// What a restarted controller takes over from the run before it: the procedure's last checkpoint in that run's hazard
/// log (SRS-RS-002), with the chemo clock of a <see cref="ChemoClockEntry"/> written after it. The log is the one source
/// of truth; nothing else is persisted. Pure: records in, state out.
/// </summary>
/// <param name="InterruptedIn">The phase the procedure was running (a pause, a safe state or a restart hold counts as the phase it holds).</param>
/// <param name="CheckpointSequence">The sequence number in the previous log of the last checkpoint or chemo-clock record.</param>
/// <param name="RecordsAfterCheckpoint">Records the previous run wrote after that (shown, not replayed).</param>
/// <param name="CircuitVolume">The circuit-volume baseline and the washout's saline-exchange state (SRS-RS-006).</param>
/// <param name="ChemoHold">The chemo-clock hold episode open at the checkpoint; null when the clock was not held.</param>
/// <param name="PreviousRunEnded">The procedure time of the previous log's last record.</param>
public sealed record ProcedureResume(
    Phase InterruptedIn,
    TimeSpan ChemoElapsed,
    TimeSpan ChemoDuration,
    TimeSpan WashoutElapsed,
    TimeSpan DrainingElapsed,
    string ProfileId,
    CheckpointCircuitVolume CircuitVolume,
    CheckpointChemoHold? ChemoHold,
    IReadOnlyList<string> LatchedCauses,
    IReadOnlyList<string> LatchedTrips,
    long CheckpointSequence,
    int RecordsAfterCheckpoint,
    TimeSpan PreviousRunEnded)
{
    /// <summary>
    /// The procedure to resume from a previous run's records (verified, in order); null when its last checkpoint shows
    /// no procedure under way (power-on, Standby, Complete) or it has none.
    /// </summary>
    public static ProcedureResume? From(IEnumerable<HazardLogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        HazardLogRecord? last = null;
        ProcedureCheckpointEntry? checkpoint = null;
        TimeSpan? chemoClock = null;
        long sequence = -1;
        var after = 0;
        foreach (var record in records)
        {
            last = record;
            if (record.Entry is ProcedureCheckpointEntry c)
            {
                checkpoint = c;
                chemoClock = null;
                sequence = record.Sequence;
                after = 0;
            }
            else if (record.Entry is ChemoClockEntry clock && checkpoint is not null)
            {
                chemoClock = clock.ChemoElapsed; // only the chemo clock moved since the checkpoint
                sequence = record.Sequence;
                after = 0;
            }
            else
            {
                after++;
            }
        }

        if (checkpoint is null || WorkingPhase(checkpoint) is not { } phase)
        {
            return null;
        }

        return new ProcedureResume(phase, chemoClock ?? checkpoint.ChemoElapsed, checkpoint.ChemoDuration, checkpoint.WashoutElapsed,
            checkpoint.DrainingElapsed, checkpoint.ProfileId, checkpoint.CircuitVolume, checkpoint.ChemoHold,
            checkpoint.LatchedCauses, checkpoint.LatchedTrips, sequence, after, last!.ProcedureTime);
    }

    /// <summary>
    /// The phase a checkpoint shows the procedure running: its phase when that is a running phase; for a pause, a safe
    /// state or an emergency stop the phase Resume returns to; for a restarted run still holding (self-test, the
    /// Interrupted hold) the phase it holds for. Null when no procedure is under way.
    /// </summary>
    public static Phase? WorkingPhase(ProcedureCheckpointEntry checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return WorkingPhase(checkpoint.Phase, checkpoint.InterruptedIn, checkpoint.ResumePhase);
    }

    /// <inheritdoc cref="WorkingPhase(ProcedureCheckpointEntry)"/>
    public static Phase? WorkingPhase(Phase phase, Phase? interruptedIn, Phase resumePhase)
    {
        if (PhaseMachine.ResumablePhases.Contains(phase))
        {
            return phase;
        }

        if (interruptedIn is { } held && PhaseMachine.ResumablePhases.Contains(held))
        {
            return held;
        }

        return phase is Phase.Paused or Phase.SafeState or Phase.EmergencyStop && PhaseMachine.ResumablePhases.Contains(resumePhase)
            ? resumePhase
            : null;
    }

    /// <summary>The high alarm's text: "Procedure interrupted at ChemoPerfusion, chemo 12:34 of 90:00".</summary>
    public string AlarmMessage => $"Procedure interrupted at {InterruptedIn}, chemo {MinutesSeconds(ChemoElapsed)} of {MinutesSeconds(ChemoDuration)}";

    /// <summary>What else the operator needs to know: latched causes and trips, records after the checkpoint.</summary>
    public string Detail
    {
        get
        {
            var parts = new List<string>();
            if (LatchedCauses.Count > 0)
            {
                parts.Add("latched before the restart: " + string.Join(", ", LatchedCauses));
            }

            if (LatchedTrips.Count > 0)
            {
                parts.Add("interlock trips latched before the restart: " + string.Join(", ", LatchedTrips));
            }

            if (RecordsAfterCheckpoint > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{RecordsAfterCheckpoint} records after the last checkpoint (seq {CheckpointSequence})"));
            }

            return string.Join("; ", parts);
        }
    }

    /// <summary>Minutes (not wrapped at the hour) and whole seconds.</summary>
    public static string MinutesSeconds(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalMinutes:00}:{t.Seconds:00}");
}
