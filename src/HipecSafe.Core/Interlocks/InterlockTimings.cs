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
    /// heartbeat_echo outside the heartbeats written must be read in three cycles in a row, the same count as the failed
    /// transactions that make a communication fault (docs/icd.md §3): a single read outside them (two failed writes in a
    /// row of which the board took only the first) is not a lost link; 200 ms is well inside the board watchdog's 500 ms.
    /// </summary>
    public static readonly Duration HeartbeatEchoPersistence = Duration.FromMilliseconds(200);

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

    /// <summary>
    /// A pump start is judged this long after the gate first wrote it: the board applies a command one cycle (100 ms)
    /// after it is written, and the roller pump's motor needs time to reach speed (the ICD states none; ≤ 1 s assumed).
    /// </summary>
    public static readonly Duration PumpSpinUp = Duration.FromSeconds(2);

    /// <summary>
    /// A pump held on but not turning must persist for ten cycles: far beyond the one-cycle command latency and a
    /// tachometer missing a pulse at low speed, and short against the heat a heater can put into standing fluid (1 s at
    /// 1000 W warms the ≈ 4000 J/K heat exchanger by 0.25 K).
    /// </summary>
    public static readonly Duration PumpFeedbackPersistence = Duration.FromSeconds(1);

    /// <summary>
    /// The clamp's position switch contradicting the held command must persist for five cycles: the one-cycle command
    /// latency plus the clamp's travel (the ICD states none; ≤ 300 ms assumed for a pinch clamp). A pump against a closed
    /// clamp passes 300 mmHg in ≈ 0.5 s at 2 L/min (hil/PLANT.md §2.2), so the rule acts about as early as IL-OCCLUSION.
    /// </summary>
    public static readonly Duration ClampFeedbackPersistence = Duration.FromMilliseconds(500);

    /// <summary>
    /// The relay contact open while the board holds it closed must persist for ten cycles: the one-cycle command latency
    /// plus the relay's operate time (tens of ms), with margin; nothing gets hot meanwhile (an open relay heats nothing).
    /// </summary>
    public static readonly Duration RelayFeedbackPersistence = Duration.FromSeconds(1);

    /// <summary>
    /// The limiter sensor checked against the inflow probes at the self-test for two cycles: one noisy read does not
    /// fail the self-test, and the check still trips before the self-test's five clean cycles have passed.
    /// </summary>
    public static readonly Duration LimiterSelfTestPersistence = Duration.FromMilliseconds(200);

    /// <summary>
    /// The limiter sensor reading below the inflow while heating must persist for 10 s: longer than the line's transit
    /// time (150 mL at 2 L/min: 4.5 s) plus the probes' lags (1–1.5 s), during which a falling heater outlet can run
    /// below the fluid still in the line; the lost second channel is latent, not an immediate danger.
    /// </summary>
    public static readonly Duration LimiterInRunPersistence = Duration.FromSeconds(10);

    /// <summary>
    /// Pump delivery and flow meter disagreeing must persist for 10 s (after the flow settle time): the line's
    /// compliance lets the metered inflow lag the pump by a few seconds after a speed change, and the roller pump
    /// pulsates; the same persistence as the flow deviation alarm.
    /// </summary>
    public static readonly Duration FlowPlausibilityPersistence = Duration.FromSeconds(10);

    /// <summary>
    /// Heat-up falling behind the heater power must persist for 60 s: when the heater steps up, the ≈ 4000 J/K exchanger
    /// takes ≈ 30 s to warm before the fluid gets the heat (at most 15.7 s below a quarter of the expected rise in
    /// nominal runs, seeds 1–3); short against a heat-up of minutes.
    /// </summary>
    public static readonly Duration HeatUpStalledPersistence = Duration.FromSeconds(60);

    /// <summary>
    /// The priming air must have passed the air detector this long after the pump started in Priming: the inflow line
    /// holds ≤ 150 mL (hil/PLANT.md), pushed through in 18 s at the 0.5 L/min profile minimum, less at the target.
    /// </summary>
    public static readonly Duration AirDetectorPurgeTime = Duration.FromSeconds(20);

    /// <summary>
    /// Intra-abdominal pressure above the limit must persist over a whole breath (ventilation at 12–15 per minute:
    /// 4–5 s), so the ventilator's swing of a few mmHg does not stop the pump.
    /// </summary>
    public static readonly Duration AbdominalPressurePersistence = Duration.FromSeconds(5);

    /// <summary>
    /// A core reading out of the physiological range or moving faster than a body can must persist for 10 s: one noisy
    /// or passing reading (a probe moved by the anaesthetist) is not a fault; the core is a slow parameter.
    /// </summary>
    public static readonly Duration CoreProbePlausibilityPersistence = Duration.FromSeconds(10);

    /// <summary>
    /// An abdominal probe reading far below the others must persist for 60 s: the inflow jet spreads the probes during
    /// heat-up (median − lowest ≤ 0.83 K in nominal runs) and a probe moved by the surgeon settles within a minute.
    /// </summary>
    public static readonly Duration AbdominalSpreadPersistence = Duration.FromSeconds(60);
}
