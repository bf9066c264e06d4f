namespace HipecSafe.DeviceHost;

/// <summary>How a real-time run ended: the process exit codes of <c>hipecsafe run</c> and <c>hipecsafe-device</c>.</summary>
public static class RunOutcome
{
    public const int Completed = 0;
    public const int SafeState = 1;
    public const int CannotStart = 2;
    public const int DurationReached = 3;
    public const int Interrupted = 130;
}
