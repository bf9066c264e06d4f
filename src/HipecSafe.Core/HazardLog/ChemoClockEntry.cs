namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The chemo clock alone, written every ChemoPerfusion cycle in which nothing else of the procedure's checkpoint changed
/// (SRS-RS-001): the last full <see cref="ProcedureCheckpointEntry"/> before it holds the rest, so a restart keeps the
/// chemo time to the cycle without a full checkpoint's cost in every cycle.
/// </summary>
public sealed record ChemoClockEntry : HazardLogEntry
{
    public ChemoClockEntry(TimeSpan chemoElapsed) =>
        ChemoElapsed = chemoElapsed >= TimeSpan.Zero
            ? chemoElapsed
            : throw new ArgumentOutOfRangeException(nameof(chemoElapsed), chemoElapsed, "ChemoElapsed must not be negative.");

    public TimeSpan ChemoElapsed { get; }

    public override HazardLogKind Kind => HazardLogKind.ChemoClock;
}
