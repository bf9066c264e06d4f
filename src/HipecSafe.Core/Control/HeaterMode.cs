namespace HipecSafe.Core.Control;

/// <summary>How the heater is driven in a phase.</summary>
public enum HeaterMode
{
    /// <summary>Heater relay open, power 0; temperature loops disengaged.</summary>
    Off,

    /// <summary>Full cascade: abdominal loop sets the inflow set-point, inflow loop drives the heater.</summary>
    Cascade,

    /// <summary>Inflow loop only, at the fixed washout set-point; abdominal loop disengaged.</summary>
    HoldWashoutSetpoint,
}
