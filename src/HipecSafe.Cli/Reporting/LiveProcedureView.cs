using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Rig;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// The operator's view of a running simulation: phase, procedure time and chemo time left, temperatures as the
/// controller measures them next to the plant's truth, flow, pressure, actuator commands, displayed alarms and
/// progress. Built fresh from the last cycle (Spectre.Console renderables), so it shows exactly one cycle's state.
/// </summary>
internal sealed class LiveProcedureView(TreatmentProfile profile, int seed, TimeSpan limit)
{
    private const int BarWidth = 40;

    public IRenderable Render(RigCycle? cycle)
    {
        var grid = new Grid().AddColumn().AddColumn();
        if (cycle is null)
        {
            return new Panel(new Markup("[grey]starting the rig …[/]")).Header(Title());
        }

        var r = cycle.Report;
        var t = cycle.Truth;
        var f = r?.Frame;
        var phase = r?.Phase;
        var phaseColour = phase switch
        {
            Phase.SafeState or Phase.EmergencyStop => "bold white on red",
            Phase.Complete => "bold green",
            Phase.ChemoPerfusion => "bold yellow",
            null => "grey",
            _ => "bold",
        };
        grid.AddRow(new Markup("[grey]phase[/]"), new Markup($"[{phaseColour}]{Markup.Escape(phase?.ToString() ?? "(no report this cycle)")}[/]"));
        grid.AddRow(new Markup("[grey]procedure time[/]"), new Markup(Inv($"{Clock(cycle.Time)}  [grey](limit {Clock(limit)})[/]")));
        var chemo = profile.ChemoDuration.ToTimeSpan();
        var chemoDone = r?.ChemoElapsed ?? TimeSpan.Zero;
        grid.AddRow(new Markup("[grey]chemo[/]"), new Markup(Inv($"{Clock(chemoDone)} of {Clock(chemo)}, {Clock(chemo > chemoDone ? chemo - chemoDone : TimeSpan.Zero)} remaining")
            + (r?.ClockHeld is { } held ? $" [yellow]clock held: {Markup.Escape(held)}[/]" : "")));
        grid.AddRow(new Markup("[grey]chemo progress[/]"), new Markup(Bar(chemo > TimeSpan.Zero ? chemoDone / chemo : 0)));
        grid.AddRow(new Markup("[grey]procedure progress[/]"), new Markup(Bar(ProcedureProgress(phase, cycle.Time, chemoDone))));

        var values = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("measured").RightAligned()).AddColumn(new TableColumn("truth").RightAligned());
        values.AddRow("inflow", Temp(f is null ? null : Math.Max(f.InflowA.DegreesCelsius, f.InflowB.DegreesCelsius), profile.Limits.InflowHigh.DegreesCelsius), Temp(t.InflowTemperature.DegreesCelsius, null));
        values.AddRow("inflow set-point", Temp(r?.InflowSetpointC, null), "");
        var abdomenMax = f is null ? (double?)null : Enumerable.Range(0, 4).Max(i => f.AbdomenProbe(i).DegreesCelsius);
        values.AddRow("abdomen max", Temp(abdomenMax, profile.AbdominalBandHigh.DegreesCelsius), Temp(t.AbdomenMax.DegreesCelsius, null));
        values.AddRow("core", Temp(f?.Core.DegreesCelsius, profile.Limits.CoreWarning.DegreesCelsius), Temp(t.CoreTemperature.DegreesCelsius, null));
        values.AddRow("flow", f is null ? "-" : Inv($"{f.Flow.LitersPerMinute:0.00} L/min"), Inv($"{t.InflowFlow.LitersPerMinute:0.00} L/min"));
        values.AddRow("line pressure", f is null ? "-" : Inv($"{f.InflowPressure.MillimetersOfMercury:0} mmHg"), Inv($"{t.InflowLinePressure.MillimetersOfMercury:0} mmHg"));
        var c = r?.Command;
        values.AddRow("heater / pump / clamp",
            c is null ? "-" : Inv($"{(c.HeaterEnabled ? c.HeaterPowerPermille / 10.0 : 0):0.0} % / {c.PumpSpeedRpm:0} rpm / {(c.ClampOpen ? "open" : "closed")}"),
            Inv($"{t.HeaterPowerDelivered.Watts:0} W"));

        var alarms = r?.Alarms?.Alarms ?? [];
        IRenderable alarmView = alarms.Count == 0
            ? new Markup("[green]no alarms[/]")
            : new Rows(alarms.Select(a => (IRenderable)new Markup(
                $"[{AlarmColour(a.Priority)}]{a.Priority.ToString().ToUpperInvariant(),-6}[/] {Markup.Escape(a.ConditionId)}: {Markup.Escape(a.Message)} " +
                $"[grey]({Markup.Escape(a.MeasuredText)}; limit {Markup.Escape(a.LimitText)}; {a.State})[/]")));
        var trips = r?.ActiveTrips ?? [];
        IRenderable tripView = trips.Count == 0
            ? new Markup("[green]no interlock active[/]")
            : new Markup("[red]interlocks: " + Markup.Escape(string.Join(", ", trips)) + "[/]");

        return new Panel(new Rows(grid, values, alarmView, tripView)).Header(Title()).Expand();
    }

    private string Title() => Inv($"HipecSafe simulate — profile {Markup.Escape(profile.Name)}, seed {seed}");

    /// <summary>
    /// A rough whole-procedure progress: time so far over time so far plus what the profile still requires (chemo
    /// left, washout, draining). Heating has no fixed length, so before chemo this is an estimate.
    /// </summary>
    private double ProcedureProgress(Phase? phase, TimeSpan now, TimeSpan chemoDone)
    {
        var after = profile.WashoutDuration.ToTimeSpan() + profile.DrainingDuration.ToTimeSpan();
        var left = phase switch
        {
            Phase.Complete => TimeSpan.Zero,
            Phase.Draining => TimeSpan.Zero,
            Phase.Washout => profile.DrainingDuration.ToTimeSpan(),
            _ => profile.ChemoDuration.ToTimeSpan() - chemoDone + after,
        };
        if (left < TimeSpan.Zero)
        {
            left = TimeSpan.Zero;
        }

        return phase == Phase.Complete ? 1.0 : now / (now + left + TimeSpan.FromSeconds(1));
    }

    private static string Bar(double fraction)
    {
        var f = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        var full = (int)Math.Round(f * BarWidth);
        return Inv($"[green]{new string('━', full)}[/][grey]{new string('━', BarWidth - full)}[/] {f * 100:0}%");
    }

    private static string Temp(double? value, double? warnAbove) =>
        value is not { } v || !double.IsFinite(v)
            ? "-"
            : warnAbove is { } w && v > w ? Inv($"[red]{v:0.00} °C[/]") : Inv($"{v:0.00} °C");

    private static string AlarmColour(AlarmPriority p) => p switch
    {
        AlarmPriority.High => "bold white on red",
        AlarmPriority.Medium => "black on yellow",
        _ => "cyan",
    };

    private static string Clock(TimeSpan t) => ProcedureClock.Format(t);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
