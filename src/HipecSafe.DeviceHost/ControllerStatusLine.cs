using System.Globalization;
using HipecSafe.Core.Quantities;
using HipecSafe.Controller.Cycle;

namespace HipecSafe.DeviceHost;

/// <summary>The controller's one-line status: phase, what it measures, what it commands, and what is wrong.</summary>
public static class ControllerStatusLine
{
    public static string Of(CycleReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var measured = r.Frame is { } f
            ? Invariant($"inflow {f.InflowA.DegreesCelsius:0.00}/{f.InflowB.DegreesCelsius:0.00} °C, abdomen {f.Abdomen1.DegreesCelsius:0.00} {f.Abdomen2.DegreesCelsius:0.00} {f.Abdomen3.DegreesCelsius:0.00} {f.Abdomen4.DegreesCelsius:0.00} °C, core {f.Core.DegreesCelsius:0.00} °C, flow {DisplayRounding.Round(f.Flow.LitersPerMinute, 2):0.00} L/min")
            : "no sensor sample";
        var c = r.Command;
        var alarms = r.Alarms?.Alarms is { Count: > 0 } list ? string.Join(", ", list.Select(a => $"{a.ConditionId} ({a.Priority}, {a.State})")) : "none";
        var trips = r.ActiveTrips.Count > 0 ? " | trips: " + string.Join(", ", r.ActiveTrips) : "";
        return Invariant($"[{r.Tick.Time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)}] {r.Phase}: {measured} | command: heater {c.HeaterPowerPermille / 10.0:0.0} % {(c.HeaterEnabled ? "enabled" : "disabled")}, pump {c.PumpSpeedRpm:0.0} rpm, clamp {(c.ClampOpen ? "open" : "closed")} | alarms: {alarms}{trips}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
