namespace HipecSafe.Core.Phases;

/// <summary>The phases of a HIPEC procedure, plus the protective states (see requirements/phases.yaml).</summary>
public enum Phase
{
    PowerOnSelfTest,
    Standby,
    Priming,
    Heating,
    ReadyForChemo,
    ChemoPerfusion,
    Washout,
    Draining,
    Complete,
    /// <summary>Operator hold; resume returns to the phase that was paused.</summary>
    Paused,
    /// <summary>Latched protective state: heater off, pump per hazard, clamp closed. Left only by operator reset.</summary>
    SafeState,
    /// <summary>Emergency stop pressed: everything off.</summary>
    EmergencyStop,
    /// <summary>
    /// A restarted controller found a procedure its previous run left unfinished (the hazard log's last checkpoint):
    /// a hold with everything off until the operator resumes it or ends the chemo early (requirements/restart.yaml).
    /// </summary>
    Interrupted,
}
