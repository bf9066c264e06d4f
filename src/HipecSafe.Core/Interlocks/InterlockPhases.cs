using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// The phase sets in which rules apply. A rule that does not apply in the current phase neither raises nor holds
/// a non-latched trip; a latched trip stays until reset whatever the phase.
/// </summary>
public static class InterlockPhases
{
    /// <summary>Every phase: hardware and over-temperature protection never sleeps.</summary>
    public static IReadOnlySet<Phase> All { get; } = new HashSet<Phase>(Enum.GetValues<Phase>());

    /// <summary>
    /// Every phase after the power-on self-test. The actuator board powers up in its safe hold (docs/icd.md): during the
    /// self-test that hold is expected, and the self-test itself asks for its release and fails if it does not come.
    /// </summary>
    public static IReadOnlySet<Phase> AfterSelfTest { get; } = new HashSet<Phase>(Enum.GetValues<Phase>().Where(p => p != Phase.PowerOnSelfTest));

    /// <summary>
    /// Probes and lines are on the patient (from priming until the procedure is complete, including pauses and the
    /// protective states). Before that, disconnected probes are normal and must not raise alarms.
    /// </summary>
    public static IReadOnlySet<Phase> PatientConnected { get; } = new HashSet<Phase>
    {
        Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining,
        Phase.Paused, Phase.SafeState, Phase.EmergencyStop, Phase.Interrupted,
    };

    /// <summary>
    /// Phases in which the pump circulates from the reservoir at a steady level. Draining is left out: the abdomen
    /// empties into the reservoir there, so the level is not the circulating one (the level rules use this set).
    /// </summary>
    public static IReadOnlySet<Phase> Circulating { get; } = new HashSet<Phase>
    {
        Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout,
    };

    /// <summary>
    /// Phases in which the pump runs at the flow target (PhaseControlPolicy): the circulating phases and Draining. In
    /// Draining the opened abdominal drains empty the abdomen into the reservoir while the pump keeps the inflow line
    /// running from the (filling) reservoir at the target, so flow there is the pump's delivery as in any other
    /// pumping phase, and a pump or meter fault shows the same way.
    /// </summary>
    public static IReadOnlySet<Phase> Pumping { get; } = new HashSet<Phase>
    {
        Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining,
    };

    /// <summary>
    /// Pumping phases in which the line must be air-free. Priming purges air by design; the phase machine only leaves
    /// Priming after air-free circulation for the profile's priming time (SRS-PH-004). Draining is included: the pump
    /// still pushes the inflow line into the abdomen, so air there is insufflated as in any other phase, and stopping
    /// the pump and closing the inflow clamp does not stop the drains from emptying the abdomen.
    /// </summary>
    public static IReadOnlySet<Phase> AirFreeCirculation { get; } = new HashSet<Phase>
    {
        Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout, Phase.Draining,
    };

    /// <summary>
    /// Phases in which the circulating volume is constant, so a falling reservoir means fluid is leaving the
    /// circuit (leak) or pooling in the abdomen. Priming fills the circuit and Draining empties it by design. Washout
    /// counts too: during its saline exchange the control lane lowers the baseline in force by the planned drawdown, so
    /// IL-RESERVOIR-DROP stays armed without tripping on the exchange (SRS-IL-023, SRS-PH-023).
    /// </summary>
    public static IReadOnlySet<Phase> SteadyVolume { get; } = new HashSet<Phase>
    {
        Phase.Heating, Phase.ReadyForChemo, Phase.ChemoPerfusion, Phase.Washout,
    };
}
