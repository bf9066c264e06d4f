namespace HipecSafe.Core.Health;

/// <summary>Health of one monitored component, as the watchdog sees it.</summary>
public enum ComponentHealth
{
    Healthy,
    /// <summary>Missed at least one ping round; the board heartbeat is held back.</summary>
    Late,
    /// <summary>Missed the fault threshold of consecutive rounds: latched until an operator reset.</summary>
    Failed,
}
