using HipecSafe.Core.Control;
using HipecSafe.Core.Profile;

namespace HipecSafe.Controller;

/// <summary>How to run the controller.</summary>
public sealed record ControllerOptions(TreatmentProfile Profile, ClockMode Mode)
{
    /// <summary>Cycle period; 10 Hz by default (SRS-RT-001).</summary>
    public TimeSpan CyclePeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    public ControlGains Gains { get; init; } = ControlGains.Default;

    public ControlPlantModel PlantModel { get; init; } = ControlPlantModel.Default;

    /// <summary>How long the lockstep driver waits for a cycle before declaring the controller hung (a bug guard, not a timing check).</summary>
    public TimeSpan LockstepLivenessLimit { get; init; } = TimeSpan.FromSeconds(30);
}
