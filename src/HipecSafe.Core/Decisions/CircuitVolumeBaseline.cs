using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The volume the reservoir should hold while the circulating volume is constant: what IL-RESERVOIR-DROP judges the
/// loss against (SRS-IL-023). Taken from the first valid reservoir reading once steady-volume perfusion begins (the
/// first Heating cycle) and kept from then on — across phase changes, pauses, safe states and resets — so losses add
/// up however the perfusion is split. Taken again only where fluid is exchanged on purpose: the saline exchange of
/// Washout (SRS-PH-023). While that exchange is under way the reservoir dips by design, so the baseline in force follows
/// the expected exchange — the kept baseline less <see cref="SalineExchangeCheck.PlannedDrawdown"/> — and the rule stays
/// armed against a leak beyond it; the lowest reading is kept as the evidence of the drain; at the confirmation the
/// reading then becomes the new baseline.
/// </summary>
/// <param name="Volume">The baseline; null until it is taken. Kept unchanged through the exchange: the refill is checked against it.</param>
/// <param name="Due">A baseline is to be taken from the next valid reading.</param>
/// <param name="Exchanging">The saline exchange is under way (Washout entered, not yet confirmed).</param>
/// <param name="ExchangeLowest">The lowest valid reading since the exchange began; null before one.</param>
public sealed record CircuitVolumeBaseline(Volume? Volume, bool Due, bool Exchanging = false, Volume? ExchangeLowest = null)
{
    /// <summary>Before steady-volume perfusion: no baseline, none due.</summary>
    public static CircuitVolumeBaseline None { get; } = new(null, false);

    /// <summary>
    /// What the gate judges a leak against; null while none is taken. During the exchange the kept baseline less the
    /// planned drawdown: the dip the exchange makes on purpose is not a loss.
    /// </summary>
    public Volume? InForce => Exchanging && Volume is { } v ? v - SalineExchangeCheck.PlannedDrawdown : Volume;

    /// <summary>As a checkpoint keeps it, with whether the washout's saline exchange was confirmed (SRS-RS-001).</summary>
    public CheckpointCircuitVolume ToCheckpoint(bool exchangeConfirmed) =>
        new(Volume?.Milliliters, Due, Exchanging, ExchangeLowest?.Milliliters, exchangeConfirmed);

    /// <summary>The baseline a restarted run takes over from the previous run's checkpoint (SRS-RS-006).</summary>
    public static CircuitVolumeBaseline From(CheckpointCircuitVolume kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return new CircuitVolumeBaseline(ToVolume(kept.BaselineMl), kept.BaselineDue, kept.Exchanging, ToVolume(kept.ExchangeLowestMl));
    }

    private static Volume? ToVolume(double? ml) => ml is { } v ? Quantities.Volume.FromMilliliters(v) : null;

    /// <summary>A baseline is taken from the next valid reading (this cycle's, if it is valid).</summary>
    public CircuitVolumeBaseline TakeNext() => this with { Due = true };

    /// <summary>The saline exchange begins: the planned drawdown is allowed and the drain's evidence starts afresh.</summary>
    public CircuitVolumeBaseline StartExchange() => this with { Exchanging = true, ExchangeLowest = null };

    /// <summary>
    /// Takes the reading as the baseline when one is due (which ends an exchange), or keeps it as the exchange's lowest;
    /// <paramref name="reading"/> is null when not valid.
    /// </summary>
    public CircuitVolumeBaseline Observe(Volume? reading)
    {
        if (reading is not { } v)
        {
            return this;
        }

        if (Due)
        {
            return new CircuitVolumeBaseline(v, false);
        }

        return Exchanging && (ExchangeLowest is not { } lowest || v < lowest) ? this with { ExchangeLowest = v } : this;
    }
}
