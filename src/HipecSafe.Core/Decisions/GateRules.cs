using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// The safety gate's own rules, in the order the gate applies them after the interlock responses (requirements/gate.yaml).
/// The first group holds the whole command safe; the second keeps the heater off unless control is live and the inflow
/// is trusted; the last two are the gate's invariants on the command itself — applied last so they also catch what the
/// rules before them stopped.
/// </summary>
public static class GateRules
{
    public static GateRule NoReadout { get; } = new("GATE-NO-READOUT",
        "no board readout this cycle ⇒ safe command", "SRS-GT-001", Hazards.LossOfControl,
        GateAction.SafeCommand, f => !f.HasReadout);

    public static GateRule ComponentFailed { get; } = new("GATE-COMPONENT-FAILED",
        "a watched component has failed (3 missed health rounds) ⇒ safe command, heartbeat withheld", "SRS-GT-002", Hazards.LossOfControl,
        GateAction.SafeCommand | GateAction.WithholdHeartbeat, f => f.FailedComponents > 0);

    public static GateRule ComponentCrashed { get; } = new("GATE-COMPONENT-CRASHED",
        "a component crashed since the last operator reset ⇒ safe command", "SRS-GT-003", Hazards.LossOfControl,
        GateAction.SafeCommand, f => f.CrashCauses > 0);

    public static GateRule SafeStateTrip { get; } = new("GATE-SAFE-STATE-TRIP",
        "an active interlock trip asks for SafeState ⇒ safe command", "SRS-GT-004", Hazards.LossOfControl,
        GateAction.SafeCommand, f => f.SafeStateTrip);

    public static GateRule ProtectivePhase { get; } = new("GATE-PROTECTIVE-PHASE",
        "the procedure is in SafeState or EmergencyStop ⇒ safe command", "SRS-GT-005", Hazards.LossOfControl,
        GateAction.SafeCommand, f => f.ProtectivePhase);

    public static GateRule EmergencyStop { get; } = new("GATE-EMERGENCY-STOP",
        "emergency stop ⇒ heartbeat withheld, so the board latches safe on its own as well", "SRS-GT-006", Hazards.LossOfControl,
        GateAction.WithholdHeartbeat, f => f.EmergencyStop);

    public static GateRule ControlLate { get; } = new("GATE-CONTROL-LATE",
        "no desired command of this cycle by the deadline ⇒ heater off", "SRS-GT-007", Hazards.LossOfControl,
        GateAction.HeaterOff, f => !f.DesiredInTime);

    public static GateRule HealthRound { get; } = new("GATE-HEALTH-ROUND",
        "the last health round did not pass ⇒ heater off, heartbeat withheld", "SRS-GT-008", Hazards.LossOfControl,
        GateAction.HeaterOff | GateAction.WithholdHeartbeat, f => !f.HealthRoundPassed);

    public static GateRule InflowUntrusted { get; } = new("GATE-INFLOW-UNTRUSTED",
        "no trusted inflow temperature ⇒ heater off", "SRS-GT-009", Hazards.HeaterRunaway,
        GateAction.HeaterOff, f => !f.InflowTrusted);

    public static GateRule ClampClosedPumpStopped { get; } = new("GATE-CLAMP-PUMP",
        "inflow clamp closed ⇒ pump stopped", "SRS-GT-010", Hazards.Occlusion,
        GateAction.PumpStop, f => !f.Command.ClampOpen && f.Command.PumpSpeedRpm > 0);

    /// <summary>
    /// pump_speed_cmd is written in counts of 0.1 rpm (docs/icd.md §6.1): a speed below one count reaches the board as a
    /// stopped pump, and one that is not a number is no speed at all.
    /// </summary>
    public const double PumpTurnsFromRpm = 0.1;

    public static GateRule PumpStoppedHeaterOff { get; } = new("GATE-PUMP-HEATER",
        "pump stopped ⇒ heater off", "SRS-GT-011", Hazards.HeaterRunaway,
        GateAction.HeaterOff, f => !(f.Command.PumpSpeedRpm >= PumpTurnsFromRpm) && (f.Command.HeaterEnabled || f.Command.HeaterPowerPermille > 0));

    public static GateRule ReleaseOnlyWithHeaterOff { get; } = new("GATE-RELEASE-HEATER",
        "the board's latch is released only with the heater disabled", "SRS-GT-012", Hazards.HeaterRunaway,
        GateAction.WithholdLatchRelease, f => f.LatchReleaseRequested && f.Command.HeaterEnabled);

    /// <summary>Every gate rule, in the order the gate applies them.</summary>
    public static IReadOnlyList<GateRule> Ordered { get; } =
    [
        NoReadout, ComponentFailed, ComponentCrashed, SafeStateTrip, ProtectivePhase, EmergencyStop,
        ControlLate, HealthRound, InflowUntrusted, ClampClosedPumpStopped, PumpStoppedHeaterOff, ReleaseOnlyWithHeaterOff,
    ];
}
