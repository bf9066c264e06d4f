using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.RealTime;

/// <summary>One-line status of the emulated boards in real time (invariant culture, fixed units); the controller's is ControllerStatusLine.</summary>
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
        return Invariant($"[{Clock(s.Time)}] truth: inflow {t.InflowTemperature.DegreesCelsius:0.00} °C, abdomen {t.AbdomenMin.DegreesCelsius:0.00}–{t.AbdomenMax.DegreesCelsius:0.00} °C, core {t.CoreTemperature.DegreesCelsius:0.00} °C, flow {DisplayRounding.Round(t.InflowFlow.LitersPerMinute, 2):0.00} L/min, reservoir {t.ReservoirVolume.Milliliters:0} mL | board: heater {o.HeaterPowerPermille / 10.0:0.0} % relay {(o.HeaterRelayClosed ? "closed" : "open")}, pump {o.PumpSpeedRpm:0.0} rpm, clamp {(o.ClampOpen ? "open" : "closed")}, {Latch(s)} | bus: {s.RequestsAnswered} requests answered{(s.BusCut ? ", CUT" : "")}");
    }

    private static string Latch(BoardsSnapshot s)
    {
        var watchdog = s.SafeLatched ? (s.PowerOnHold ? "SAFE-LATCHED (power-on hold)" : "SAFE-LATCHED by watchdog")
            : "watchdog armed";
        return s.LimiterTripped ? watchdog + ", limiter TRIPPED" : watchdog;
    }

    private static string Clock(TimeSpan t) => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
