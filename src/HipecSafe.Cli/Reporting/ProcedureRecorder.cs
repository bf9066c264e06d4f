using System.Globalization;
using System.Text;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// Records a procedure cycle by cycle: streams one CSV row per cycle to <c>time-series.csv</c> as the run goes (so a
/// crash keeps what was recorded) and keeps the samples for the plots.
/// </summary>
internal sealed class ProcedureRecorder : IDisposable
{
    public const string CsvFileName = "time-series.csv";

    /// <summary>Column names of the CSV, in order. Temperatures °C, flow L/min, pressure mmHg, volume mL, power W.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "time_s", "phase", "inflow_setpoint_c",
        "truth_inflow_c", "truth_outflow_c", "truth_abdomen_min_c", "truth_abdomen_max_c", "truth_core_c",
        "truth_flow_l_min", "truth_line_pressure_mmhg", "truth_abdominal_pressure_mmhg", "truth_reservoir_ml", "truth_heater_power_w",
        "measured_inflow_a_c", "measured_inflow_b_c", "measured_outflow_c",
        "measured_abdomen1_c", "measured_abdomen2_c", "measured_abdomen3_c", "measured_abdomen4_c", "measured_core_c",
        "measured_flow_l_min", "measured_line_pressure_mmhg",
        "command_heater_permille", "command_heater_enabled", "command_pump_rpm", "command_clamp_open",
        "active_trips", "alarms",
    ];

    private readonly StreamWriter _csv;
    private readonly List<ProcedureSample> _samples = [];
    private readonly StringBuilder _row = new();

    public ProcedureRecorder(string directory)
    {
        CsvPath = Path.Combine(directory, CsvFileName);
        _csv = new StreamWriter(CsvPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        _csv.WriteLine(string.Join(',', Columns));
    }

    public string CsvPath { get; }

    public IReadOnlyList<ProcedureSample> Samples => _samples;

    public void Observe(RigCycle cycle)
    {
        var s = ProcedureSample.Of(cycle);
        _samples.Add(s);
        _row.Clear();
        Num(s.TimeSeconds, "0.0#").Append(',').Append(s.Phase?.ToString() ?? string.Empty).Append(',');
        Num(s.InflowSetpointC, "0.000").Append(',');
        Num(s.TruthInflowC, "0.000").Append(',');
        Num(s.TruthOutflowC, "0.000").Append(',');
        Num(s.TruthAbdomenMinC, "0.000").Append(',');
        Num(s.TruthAbdomenMaxC, "0.000").Append(',');
        Num(s.TruthCoreC, "0.000").Append(',');
        Num(s.TruthFlowLPerMin, "0.0000").Append(',');
        Num(s.TruthLinePressureMmHg, "0.00").Append(',');
        Num(s.TruthAbdominalPressureMmHg, "0.00").Append(',');
        Num(s.TruthReservoirMl, "0.0").Append(',');
        Num(s.HeaterPowerW, "0.0").Append(',');
        Num(s.MeasuredInflowAC, "0.000").Append(',');
        Num(s.MeasuredInflowBC, "0.000").Append(',');
        Num(s.MeasuredOutflowC, "0.000").Append(',');
        Num(s.MeasuredAbdomen1C, "0.000").Append(',');
        Num(s.MeasuredAbdomen2C, "0.000").Append(',');
        Num(s.MeasuredAbdomen3C, "0.000").Append(',');
        Num(s.MeasuredAbdomen4C, "0.000").Append(',');
        Num(s.MeasuredCoreC, "0.000").Append(',');
        Num(s.MeasuredFlowLPerMin, "0.0000").Append(',');
        Num(s.MeasuredLinePressureMmHg, "0.00").Append(',');
        _row.Append(s.HeaterPermille.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(s.HeaterEnabled ? "1" : "0").Append(',');
        Num(s.PumpRpm, "0.00").Append(',');
        _row.Append(s.ClampOpen ? "1" : "0").Append(',')
            .Append(Text(s.ActiveTrips)).Append(',')
            .Append(Text(s.Alarms));
        _csv.WriteLine(_row);
    }

    /// <summary>Writes what is buffered; the CSV stays complete up to the last observed cycle.</summary>
    public void Flush() => _csv.Flush();

    // Empty field for "not measured" (NaN): a spreadsheet shows a gap, not a fake number.
    private StringBuilder Num(double value, string format) =>
        double.IsFinite(value) ? _row.Append(value.ToString(format, CultureInfo.InvariantCulture)) : _row;

    // RFC 4180: a field holding a comma, quote or line break is quoted, inner quotes doubled.
    private static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _csv.Dispose();
}
