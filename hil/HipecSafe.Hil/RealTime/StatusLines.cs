using System.Globalization;
using HipecSafe.Controller.Cycle;

namespace HipecSafe.Hil.RealTime;

/// <summary>One-line status texts for the real-time commands (invariant culture, fixed units).</summary>
public static class StatusLines
{
    /// <summary>
    /// The boards' view: the plant's truth (the boards cannot know the procedure phase), what the actuator board
    /// drives, and its latch state.
    /// </summary>
    public static string Boards(BoardsSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var t = s.Truth;
        var o = s.Outputs;
        return Invariant($"[{Clock(s.Time)}] truth: inflow {t.InflowTemperature.DegreesCelsius:0.00} °C, abdomen {t.AbdomenMin.DegreesCelsius:0.00}–{t.AbdomenMax.DegreesCelsius:0.00} °C, core {t.CoreTemperature.DegreesCelsius:0.00} °C, flow {NoNegativeZero(t.InflowFlow.LitersPerMinute, 2):0.00} L/min, reservoir {t.ReservoirVolume.Milliliters:0} mL | board: heater {o.HeaterPowerPermille / 10.0:0.0} % relay {(o.HeaterRelayClosed ? "closed" : "open")}, pump {o.PumpSpeedRpm:0.0} rpm, clamp {(o.ClampOpen ? "open" : "closed")}, {Latch(s)} | bus: {s.RequestsAnswered} requests answered{(s.BusCut ? ", CUT" : "")}");
    }

    /// <summary>The controller's view: phase, what it measures, what it commands, and what is wrong.</summary>
    public static string Controller(CycleReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var measured = r.Frame is { } f
            ? Invariant($"inflow {f.InflowA.DegreesCelsius:0.00}/{f.InflowB.DegreesCelsius:0.00} °C, abdomen {f.Abdomen1.DegreesCelsius:0.00} {f.Abdomen2.DegreesCelsius:0.00} {f.Abdomen3.DegreesCelsius:0.00} {f.Abdomen4.DegreesCelsius:0.00} °C, core {f.Core.DegreesCelsius:0.00} °C, flow {NoNegativeZero(f.Flow.LitersPerMinute, 2):0.00} L/min")
            : "no sensor sample";
        var c = r.Command;
        var alarms = r.Alarms?.Alarms is { Count: > 0 } list ? string.Join(", ", list.Select(a => $"{a.ConditionId} ({a.Priority}, {a.State})")) : "none";
        var trips = r.ActiveTrips.Count > 0 ? " | trips: " + string.Join(", ", r.ActiveTrips) : "";
        return Invariant($"[{Clock(r.Tick.Time)}] {r.Phase}: {measured} | command: heater {c.HeaterPowerPermille / 10.0:0.0} % {(c.HeaterEnabled ? "enabled" : "disabled")}, pump {c.PumpSpeedRpm:0.0} rpm, clamp {(c.ClampOpen ? "open" : "closed")} | alarms: {alarms}{trips}");
    }

    private static string Latch(BoardsSnapshot s)
    {
        var watchdog = s.SafeLatched ? (s.PowerOnHold ? "SAFE-LATCHED (power-on hold)" : "SAFE-LATCHED by watchdog")
            : "watchdog armed";
        return s.LimiterTripped ? watchdog + ", limiter TRIPPED" : watchdog;
    }

    /// <summary>A back-leak of a few µL/min should read 0.00, not -0.00.</summary>
    private static double NoNegativeZero(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals);
        return rounded == 0 ? 0 : rounded;
    }

    private static string Clock(TimeSpan t) => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
