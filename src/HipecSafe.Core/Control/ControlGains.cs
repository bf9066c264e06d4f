using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// Tuning of the control law. Change a value with <c>ControlGains.Default with { Inflow = new(...) }</c>.
/// <para>
/// How the defaults were chosen (SIMC rules, Skogestad 2003: Kc = τ/(k·(τc+θ)), Ti = min(τ, 4(τc+θ)), then checked
/// against the first-order-plus-dead-time test plant in tests/HipecSafe.Core.Tests/Control). They are starting
/// values; they are re-tuned against the plant model when it changes.
/// </para>
/// <list type="bullet">
/// <item>Inflow (inner): heater ‰ → inflow °C, against the 1 kW heater (<see cref="ControlPlantModel.Default"/>). At
/// 2 L/min k = 1 W/‰ ÷ ṁc (≈ 139 W/K) ≈ 0.0072 K/‰, τ ≈ 29 s (heat-exchanger wall), θ ≈ 6 s (inflow line 4.5 s, probe
/// 1 s, one cycle); k and the lags grow as 1/flow, so at 0.5 L/min k ≈ 0.029 K/‰, τ ≈ 110 s, θ ≈ 19 s. SIMC with
/// τc = 15 s gives Kc ≈ 190 ‰/K at 2 L/min. We take Kp = 200 ‰/K, Ki = 4 ‰/(K·s) (Ti = 50 s, longer than τ so the
/// same gains neither overshoot at 0.5 L/min nor trip the heater-outlet limiter, checked on the HIL rig from 0.5 to
/// 3 L/min). Ki also sets how fast the heater comes up when the loop engages from 0 (bumpless: Ki·e per second),
/// which SRS-CT-012 caps at 5 ‰ per 100 ms cycle: Ki = 4 keeps that for errors up to 12.5 K. No D: probe noise
/// (0.015 °C) would reach the heater.</item>
/// <item>Abdominal (outer): inflow set-point °C → abdominal °C. k ≈ 1, τ ≈ 4 min, θ ≈ 20 s plus the inner loop;
/// τc = 2 min gives Kc ≈ 1.7, Ti = τ. We take Kp = 2, Ki = 0.01 /s (Ti = 200 s). The output is the inflow
/// set-point, so the feed-forward is the profile's inflow target and the integrator only holds the offset.</item>
/// <item>Flow: pump rpm → flow, worked in "rpm-equivalent" units (flow ÷ tubing mL/rev), so k ≈ 1 whatever the
/// tubing. Roller pump plus meter: τ ≈ 1 s, θ ≈ 0.3 s; τc = 2 s gives Kc ≈ 0.4, Ti = τ → Kp = 0.4, Ki = 0.4 /s.</item>
/// </list>
/// </summary>
/// <param name="Abdominal">Outer loop: abdominal temperature error (K) → inflow set-point (°C).</param>
/// <param name="Inflow">Inner loop: inflow temperature error (K) → heater power (‰).</param>
/// <param name="Flow">Flow loop: flow error in rpm-equivalent → pump speed trim (rpm).</param>
/// <param name="HotProbeMargin">How far below the band top the hottest abdominal probe is held: the outer loop
/// regulates max(median, hottest − (band high − margin − target)).</param>
/// <param name="FlowTrimFraction">The flow PI may move the pump at most this fraction of the feed-forward speed
/// either way, so a failed flow meter cannot drive the pump to full speed.</param>
/// <param name="FlowRampLitersPerMinutePerSecond">How fast the flow reference moves from what the pump does now to the
/// target when the pump loop engages (soft start: no pressure surge, no step in pump command).</param>
/// <param name="InflowIntegralAuthorityPermille">While the heater feed-forward is available, the inflow integrator
/// may only integrate within ±this many ‰: it corrects model error (heater efficiency, line losses, c and ρ), it does not
/// carry the load. This bounds what a long heater saturation can store, so a wrong feed-forward (e.g. a mis-set
/// heater power) cannot turn into a long overshoot. Without feed-forward (outflow probe invalid) the limit is lifted.</param>
/// <param name="WashoutInflowSetpoint">Inflow set-point during washout (heater holds normothermia, see
/// <see cref="PhaseControlPolicy"/>).</param>
public sealed record ControlGains(
    PidGains Abdominal,
    PidGains Inflow,
    PidGains Flow,
    TemperatureDelta HotProbeMargin,
    double FlowTrimFraction,
    double FlowRampLitersPerMinutePerSecond,
    double InflowIntegralAuthorityPermille,
    Temperature WashoutInflowSetpoint)
{
    public static ControlGains Default { get; } = new(
        Abdominal: new PidGains(Kp: 2.0, Ki: 0.01),
        Inflow: new PidGains(Kp: 200, Ki: 4.0),
        Flow: new PidGains(Kp: 0.4, Ki: 0.4),
        HotProbeMargin: TemperatureDelta.FromDegreesCelsius(0.3),
        FlowTrimFraction: 0.25,
        FlowRampLitersPerMinutePerSecond: 0.25,
        InflowIntegralAuthorityPermille: 300,
        WashoutInflowSetpoint: Temperature.FromDegreesCelsius(37.0));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Abdominal);
        ArgumentNullException.ThrowIfNull(Inflow);
        ArgumentNullException.ThrowIfNull(Flow);
        Abdominal.Validate("abdominal");
        Inflow.Validate("inflow");
        Flow.Validate("flow");
        Check(nameof(HotProbeMargin), HotProbeMargin.Kelvins, 0, 2, "K");
        Check(nameof(FlowTrimFraction), FlowTrimFraction, 0, 0.5, "");
        Check(nameof(FlowRampLitersPerMinutePerSecond), FlowRampLitersPerMinutePerSecond, 0.01, 3, "L/min per s");
        Check(nameof(InflowIntegralAuthorityPermille), InflowIntegralAuthorityPermille, 50, 1000, "‰");
        Check(nameof(WashoutInflowSetpoint), WashoutInflowSetpoint.DegreesCelsius, 30, Profile.HardBounds.InflowSetpointMaxC, "°C");
    }

    private static void Check(string name, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            throw new ArgumentOutOfRangeException(name, value,
                $"control setting {name} must be within [{min.ToString(inv)}, {max.ToString(inv)}]{(unit.Length > 0 ? " " + unit : "")}; it was {value.ToString(inv)}");
        }
    }
}
