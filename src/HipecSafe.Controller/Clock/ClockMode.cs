namespace HipecSafe.Controller.Clock;

/// <summary>How cycles are driven: by a real-time thread, or by a lockstep driver (simulation, tests).</summary>
public enum ClockMode
{
    RealTime,
    Lockstep,
}
