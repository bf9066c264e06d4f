using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// A snapshot of the plant's physical truth after a step: what scenario <c>expect.limits</c> checks and the sensor
/// models measure. A value type, so taking a snapshot every step allocates nothing.
/// </summary>
public readonly record struct PlantState
{
    /// <summary>Simulated time since the plant was created.</summary>
    public Duration Time { get; init; }

    // ---- Circuit ----
    public Volume ReservoirVolume { get; init; }
    public Temperature ReservoirTemperature { get; init; }
    /// <summary>Electrical power the heater delivered into the heat exchanger (after relay and heater faults).</summary>
    public Power HeaterPowerDelivered { get; init; }
    /// <summary>
    /// The heater power driver's output level in ‰ of maximum, ahead of the series relay and independent of the load:
    /// the command, or the stuck level of a stuck driver. What the board reports as heater_power_actual (OI-18).
    /// </summary>
    public int HeaterDriverPermille { get; init; }
    /// <summary>The heater relay's real contact state: closed when driven closed or welded. What board_status bit2 reports.</summary>
    public bool HeaterRelayContactClosed { get; init; }
    /// <summary>Heater block / exchanger wall temperature.</summary>
    public Temperature HeatExchangerTemperature { get; init; }
    /// <summary>Fluid entering the heat exchanger (drawn from the reservoir).</summary>
    public Temperature HeaterInletTemperature { get; init; }
    /// <summary>Fluid leaving the heat exchanger: what the board's independent limiter sensor sits in.</summary>
    public Temperature HeaterOutletTemperature { get; init; }
    /// <summary>Heat the exchanger passed into the fluid.</summary>
    public Power HeatToFluid { get; init; }
    /// <summary>Rotor speed (what the board's speed feedback measures).</summary>
    public double PumpSpeedRpm { get; init; }
    public bool PumpMotorFault { get; init; }
    /// <summary>Liquid the pump moved from the reservoir into the line (negative: back-leak through the rollers).</summary>
    public VolumetricFlow PumpFlow { get; init; }
    /// <summary>Flow through the inflow catheter into the abdomen (what the flow meter measures).</summary>
    public VolumetricFlow InflowFlow { get; init; }
    public Pressure InflowLinePressure { get; init; }
    public bool ClampOpen { get; init; }
    /// <summary>Fluid at the inflow catheter (the two redundant inflow probes).</summary>
    public Temperature InflowTemperature { get; init; }
    /// <summary>Fluid at the outflow probe cell.</summary>
    public Temperature OutflowTemperature { get; init; }
    public VolumetricFlow OutflowFlow { get; init; }
    /// <summary>Air at the inflow air detector (an injected slug, or air drawn from an empty reservoir).</summary>
    public bool AirInLine { get; init; }

    // ---- Abdomen ----
    public Volume AbdominalVolume { get; init; }
    public Pressure AbdominalPressure { get; init; }
    /// <summary>Well-mixed abdominal fluid temperature.</summary>
    public Temperature AbdominalTemperature { get; init; }
    public Temperature AbdomenProbe1 { get; init; }
    public Temperature AbdomenProbe2 { get; init; }
    public Temperature AbdomenProbe3 { get; init; }
    public Temperature AbdomenProbe4 { get; init; }
    public VolumetricFlow LeakFlow { get; init; }
    /// <summary>Total fluid lost through leaks since the start.</summary>
    public Volume LeakedVolume { get; init; }

    /// <summary>Perfusate drained from the reservoir to waste by saline exchanges since the start.</summary>
    public Volume DrainedToWaste { get; init; }

    /// <summary>Saline poured into the reservoir by saline exchanges since the start.</summary>
    public Volume SalinePoured { get; init; }

    // ---- Patient ----
    public Temperature PeritonealTissueTemperature { get; init; }
    public Temperature CoreTemperature { get; init; }
    /// <summary>Heat flowing from the abdominal fluid into the patient.</summary>
    public Power HeatToPatient { get; init; }

    /// <summary>True local temperature at abdominal probe <paramref name="index"/> (0..3).</summary>
    public Temperature AbdomenProbe(int index) => index switch
    {
        0 => AbdomenProbe1,
        1 => AbdomenProbe2,
        2 => AbdomenProbe3,
        3 => AbdomenProbe4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "abdominal probes are numbered 0..3"),
    };

    /// <summary>Hottest true abdominal temperature (scenario limit <c>abdomen_max_c</c>).</summary>
    public Temperature AbdomenMax => Temperature.Max(Temperature.Max(AbdomenProbe1, AbdomenProbe2), Temperature.Max(AbdomenProbe3, AbdomenProbe4));

    /// <summary>Coldest true abdominal temperature (the one that gates drug addition).</summary>
    public Temperature AbdomenMin => Temperature.Min(Temperature.Min(AbdomenProbe1, AbdomenProbe2), Temperature.Min(AbdomenProbe3, AbdomenProbe4));

    /// <summary>Catheter inflow minus outflow temperature: the heat the patient takes per unit of flow.</summary>
    public TemperatureDelta InflowOutflowDrop => InflowTemperature - OutflowTemperature;
}
