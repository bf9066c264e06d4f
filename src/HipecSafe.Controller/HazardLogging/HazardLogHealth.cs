namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// Whether the hazard log is keeping its promises. Anything but <see cref="Healthy"/> should raise the high-priority
/// technical alarm "hazard log unavailable".
/// </summary>
public abstract record HazardLogHealth
{
    private HazardLogHealth() { }

    /// <summary>Every accepted record is in the file (and synced as its priority requires).</summary>
    public sealed record Healthy : HazardLogHealth;

    /// <summary>Storage fails; records wait in memory. Lower-priority ones may have been dropped (counted), no high-priority one.</summary>
    public sealed record Degraded(string Reason, int BufferedRecords, long DroppedRecords) : HazardLogHealth;

    /// <summary>Storage fails and the spill buffer, full of high-priority records, has had to refuse high-priority records.</summary>
    public sealed record Failed(string Reason, int BufferedRecords, long DroppedRecords, long LostHighPriorityRecords) : HazardLogHealth;
}
