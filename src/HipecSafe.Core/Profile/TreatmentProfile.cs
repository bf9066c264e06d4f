using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>
/// A validated treatment profile: set-points, phase durations and alarm limits for one procedure. Instances only
/// come out of <see cref="ProfileLoader"/>, so every profile in the system has passed the hard-bound checks.
/// </summary>
public sealed record TreatmentProfile(
    string Name,
    Temperature AbdominalTarget,
    Temperature AbdominalBandLow,
    Temperature AbdominalBandHigh,
    Temperature InflowTarget,
    Temperature InflowSetpointMin,
    Temperature InflowSetpointMax,
    VolumetricFlow FlowTarget,
    double TubingMillilitersPerRevolution,
    Duration PrimingMinimum,
    Duration ChemoDuration,
    Duration WashoutDuration,
    Duration DrainingDuration,
    Temperature DrugAdditionMinimum,
    LeakCheckCriteria LeakCheck,
    AlarmLimits Limits)
{
    /// <summary>The embedded default profile (Profile/default-profile.yaml), validated like any file.</summary>
    public static TreatmentProfile Default => ProfileLoader.EmbeddedDefault;

    /// <summary>Pump speed that would give <paramref name="flow"/> with the profile's tubing set (feed-forward).</summary>
    public double PumpRpmFor(VolumetricFlow flow) => flow.MillilitersPerMinute / TubingMillilitersPerRevolution;
}
