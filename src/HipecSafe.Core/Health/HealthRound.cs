namespace HipecSafe.Core.Health;

/// <summary>
/// The watchdog's decision at the start of a cycle: whether the board heartbeat may be written, which components
/// are late or failed, and which failed in this very round (to be reported once).
/// </summary>
public sealed record HealthRound(
    long Key,
    bool HeartbeatAllowed,
    IReadOnlyDictionary<string, int> MissedRounds,
    IReadOnlyList<string> NewlyFailed,
    IReadOnlyList<string> Failed)
{
    public bool AnyFailed => Failed.Count > 0;
}
