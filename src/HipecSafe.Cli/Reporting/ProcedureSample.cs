using HipecSafe.Core.Phases;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// One cycle of a procedure as the record keeps it: the plant's physical truth next to what the controller measured
/// and what it commanded. Measured values are NaN when the cycle had no sensor frame (a failed bus read).
/// </summary>
internal readonly record struct ProcedureSample(
    double TimeSeconds,
    Phase? Phase,
    double InflowSetpointC,
    double TruthInflowC,
    double TruthOutflowC,
    double TruthAbdomenMinC,
    double TruthAbdomenMaxC,
    double TruthCoreC,
    double TruthFlowLPerMin,
    double TruthLinePressureMmHg,
    double TruthAbdominalPressureMmHg,
    double TruthReservoirMl,
    double HeaterPowerW,
    double MeasuredInflowAC,
    double MeasuredInflowBC,
    double MeasuredOutflowC,
    double MeasuredAbdomen1C,
    double MeasuredAbdomen2C,
    double MeasuredAbdomen3C,
    double MeasuredAbdomen4C,
    double MeasuredCoreC,
    double MeasuredFlowLPerMin,
    double MeasuredLinePressureMmHg,
    int HeaterPermille,
    bool HeaterEnabled,
    double PumpRpm,
    bool ClampOpen,
    string ActiveTrips,
    string Alarms)
{
    public static ProcedureSample Of(RigCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var t = cycle.Truth;
        var r = cycle.Report;
        var f = r?.Frame;
        var c = r?.Command;
        return new ProcedureSample(
            cycle.Time.TotalSeconds,
            r?.Phase,
            r?.InflowSetpointC ?? double.NaN,
            t.InflowTemperature.DegreesCelsius,
            t.OutflowTemperature.DegreesCelsius,
            t.AbdomenMin.DegreesCelsius,
            t.AbdomenMax.DegreesCelsius,
            t.CoreTemperature.DegreesCelsius,
            t.InflowFlow.LitersPerMinute,
            t.InflowLinePressure.MillimetersOfMercury,
            t.AbdominalPressure.MillimetersOfMercury,
            t.ReservoirVolume.Milliliters,
            t.HeaterPowerDelivered.Watts,
            f?.InflowA.DegreesCelsius ?? double.NaN,
            f?.InflowB.DegreesCelsius ?? double.NaN,
            f?.Outflow.DegreesCelsius ?? double.NaN,
            f?.Abdomen1.DegreesCelsius ?? double.NaN,
            f?.Abdomen2.DegreesCelsius ?? double.NaN,
            f?.Abdomen3.DegreesCelsius ?? double.NaN,
            f?.Abdomen4.DegreesCelsius ?? double.NaN,
            f?.Core.DegreesCelsius ?? double.NaN,
            f?.Flow.LitersPerMinute ?? double.NaN,
            f?.InflowPressure.MillimetersOfMercury ?? double.NaN,
            c?.HeaterPowerPermille ?? 0,
            c?.HeaterEnabled ?? false,
            c?.PumpSpeedRpm ?? 0,
            c?.ClampOpen ?? false,
            r is null ? string.Empty : string.Join(';', r.ActiveTrips),
            r?.Alarms is { } a ? string.Join(';', a.Alarms.Select(x => x.ConditionId)) : string.Empty);
    }

    /// <summary>Hottest measured abdominal probe (NaN without a frame).</summary>
    public double MeasuredAbdomenMaxC => Math.Max(Math.Max(MeasuredAbdomen1C, MeasuredAbdomen2C), Math.Max(MeasuredAbdomen3C, MeasuredAbdomen4C));
}
