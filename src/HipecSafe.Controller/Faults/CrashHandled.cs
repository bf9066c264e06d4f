namespace HipecSafe.Controller.Faults;

/// <summary>Supervisor → listener: a crash has been handled (SafeState latched, lost cycle finished).</summary>
public sealed record CrashHandled(string Component);
