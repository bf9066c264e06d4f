using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary>When a scenario fault starts: <c>at: 35m</c> (from the start) or <c>at: { phase, after }</c>.</summary>
public abstract record FaultTrigger
{
    private protected FaultTrigger()
    {
    }

    public abstract string Describe();
}

/// <summary><c>at: 35m</c>: this long after the simulated procedure started.</summary>
public sealed record AtTime(Duration Time) : FaultTrigger
{
    public override string Describe() => $"at {DurationText.Format(Time)}";
}

/// <summary>
/// <c>at: { phase: ChemoPerfusion, after: 10m }</c>: this long after the procedure first entered the phase. The fault
/// fires only while the device is still in that phase; if the phase is left earlier, it never fires.
/// </summary>
public sealed record AfterPhaseEntry(Phase Phase, Duration After) : FaultTrigger
{
    public override string Describe() => $"{Phase} +{DurationText.Format(After)}";
}
