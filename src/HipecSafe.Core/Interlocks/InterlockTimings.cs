using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Interlocks;

/// <summary>Persistence and settle times that the treatment profile does not (yet) carry.</summary>
public static class InterlockTimings
{
    /// <summary>
    /// Heater feedback contradicting the command is tolerated for two 100 ms cycles: the board applies a new command
    /// one cycle after it is written, so a single mismatching read after switching off is expected.
    /// </summary>
    public static readonly Duration HeaterFeedbackDebounce = Duration.FromMilliseconds(200);

    /// <summary>
    /// Heater power above the command must persist for five cycles: longer than any lag of a board applying a command
    /// late, and still harmless — 1 s of the full 1000 W excess warms the ≈ 4000 J/K heat exchanger by 0.25 K.
    /// </summary>
    public static readonly Duration HeaterPowerMismatchPersistence = Duration.FromMilliseconds(500);

    /// <summary>
    /// The abdomen must stay below the therapeutic band this long before the below-band alarm: far longer than probe
    /// noise around the band edge (≤ 2.4 s below it after first reaching it in nominal runs, seeds 1–3), far shorter than the
    /// 30–120 min chemo phase, so the operator can still act (check the heater, extend the chemo time).
    /// </summary>
    public static readonly Duration AbdomenBelowBandPersistence = Duration.FromSeconds(60);

    /// <summary>
    /// The below-band alarm arms when the abdomen first reaches the band in a chemo phase entry — the drug goes in at
    /// the drug-addition minimum, below the band, and the probes' median reaches it ≈ 2 min later at 2 L/min — or at the latest
    /// this long after the phase entry: a chemo phase still below the band then is itself a reason for the alarm.
    /// </summary>
    public static readonly Duration AbdomenBelowBandArmAfter = Duration.FromMinutes(10);

    /// <summary>
    /// A channel must be faulted for two cycles before a sensor-fault rule trips, so one noisy sample does not latch a
    /// high-priority alarm; 200 ms is far below the fluid's thermal time constant, so nothing can overheat meanwhile.
    /// </summary>
    public static readonly Duration SensorFaultDebounce = Duration.FromMilliseconds(200);

    /// <summary>
    /// Flow is judged only this long after the phase began or the pump started: the roller pump spins up and the
    /// flow loop settles within a few seconds.
    /// </summary>
    public static readonly Duration FlowSettleTime = Duration.FromSeconds(10);
}
