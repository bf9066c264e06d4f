namespace HipecSafe.Core.HazardLog;

/// <summary>
/// The circuit-volume baseline as a checkpoint keeps it (SRS-RS-006, SRS-IL-023): the baseline in mL (null before it is
/// taken), whether one is due from the next valid reading, whether the washout's saline exchange is under way and its
/// lowest reading so far, and whether the exchange was confirmed (the washout clock runs only from then, SRS-PH-023).
/// Volumes are kept to 0.1 mL (the sensor's resolution is coarser), so what is read back equals what was written.
/// </summary>
public sealed record CheckpointCircuitVolume
{
    public CheckpointCircuitVolume(double? baselineMl, bool baselineDue, bool exchanging, double? exchangeLowestMl, bool exchangeConfirmed)
    {
        BaselineMl = Checked(baselineMl, nameof(BaselineMl));
        BaselineDue = baselineDue;
        Exchanging = exchanging;
        ExchangeLowestMl = Checked(exchangeLowestMl, nameof(ExchangeLowestMl));
        ExchangeConfirmed = exchangeConfirmed;
    }

    /// <summary>No baseline taken, none due, no exchange (before steady-volume perfusion).</summary>
    public static CheckpointCircuitVolume None { get; } = new(null, false, false, null, false);

    public double? BaselineMl { get; }
    public bool BaselineDue { get; }
    public bool Exchanging { get; }
    public double? ExchangeLowestMl { get; }
    public bool ExchangeConfirmed { get; }

    private static double? Checked(double? ml, string field) => ml switch
    {
        null => null,
        { } v when double.IsFinite(v) && v >= 0 => Math.Round(v, 1),
        { } v => throw new ArgumentOutOfRangeException(field, v, $"{field} must be a finite volume ≥ 0."),
    };
}
