namespace HipecSafe.Controller.Faults;

/// <summary>Root → listener: a crash has been passed to both decision units (they act on it in the cycle under way or the next).</summary>
public sealed record CrashHandled(string Component);
