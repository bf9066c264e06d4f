using HipecSafe.Core.Profile;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Rig;

/// <summary>How to build a lockstep simulation rig.</summary>
public sealed record RigOptions(TreatmentProfile Profile, int Seed, string HazardLogPath)
{
    public PlantParameters Plant { get; init; } = PlantParameters.Default;

    public TimeSpan CyclePeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Fault injection is refused unless the rig is armed (PX4's rule: no accidental faults).</summary>
    public bool FaultInjectionArmed { get; init; }

    /// <summary>The wall-clock time the simulated procedure starts at; fixed so runs with the same seed log identically.</summary>
    public DateTimeOffset Epoch { get; init; } = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
}
