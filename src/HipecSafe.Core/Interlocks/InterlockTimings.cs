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
