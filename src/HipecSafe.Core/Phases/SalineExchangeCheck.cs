using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Phases;

/// <summary>
/// What the device can see of the washout's saline exchange, done by hand at the reservoir (SRS-PH-023): the reservoir
/// falls while perfusate is drained to waste ahead of the saline, and comes back to the circuit volume once the saline
/// is in. The confirmation is checked against that dip and that return; the leak rule stays armed through the exchange
/// with its baseline lowered by the planned drawdown (SRS-IL-023).
/// </summary>
public static class SalineExchangeCheck
{
    /// <summary>
    /// The reservoir must have fallen at least this far below the circuit-volume baseline during the exchange: four
    /// times the ±50 mL leak-check tolerance, so level noise and slosh cannot pass for perfusate drained.
    /// </summary>
    public static readonly Volume DrainShownBy = Volume.FromMilliliters(200);

    /// <summary>
    /// How far the instructions for use let the reservoir fall below the baseline while draining ahead of the saline
    /// (the expected exchange volume out of the reservoir at any moment). The leak rule's baseline is lowered by this
    /// much until the exchange is confirmed, so the planned dip does not trip it and a leak on top of it still does.
    /// </summary>
    public static readonly Volume PlannedDrawdown = Volume.FromMilliliters(400);
}
