using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The volume the reservoir should hold while the circulating volume is constant: what IL-RESERVOIR-DROP judges the
/// loss against (SRS-IL-023). Taken from the first valid reservoir reading once steady-volume perfusion begins (the
/// first Heating cycle) and kept from then on — across phase changes, pauses, safe states and resets — so losses add
/// up however the perfusion is split.
/// </summary>
/// <param name="Volume">The baseline; null until it is taken.</param>
/// <param name="Due">A baseline is to be taken from the next valid reading.</param>
public sealed record CircuitVolumeBaseline(Volume? Volume, bool Due)
{
    /// <summary>Before steady-volume perfusion: no baseline, none due.</summary>
    public static CircuitVolumeBaseline None { get; } = new(null, false);

    /// <summary>What the gate judges a leak against; null while none is in force.</summary>
    public Volume? InForce => Volume;

    /// <summary>A baseline is taken from the next valid reading (this cycle's, if it is valid).</summary>
    public CircuitVolumeBaseline TakeNext() => this with { Due = true };

    /// <summary>Takes the reading as the baseline when one is due; <paramref name="reading"/> is null when not valid.</summary>
    public CircuitVolumeBaseline Observe(Volume? reading) => Due && reading is { } v ? new CircuitVolumeBaseline(v, false) : this;
}
