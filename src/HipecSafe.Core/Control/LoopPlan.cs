namespace HipecSafe.Core.Control;

/// <summary>Which loops run in a phase. The inflow clamp is open exactly when the pump runs.</summary>
public sealed record LoopPlan(bool PumpRuns, HeaterMode Heater)
{
    public bool ClampOpen => PumpRuns;

    public static LoopPlan AllOff { get; } = new(false, HeaterMode.Off);
}
