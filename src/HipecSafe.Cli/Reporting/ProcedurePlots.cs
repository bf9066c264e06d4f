using HipecSafe.Core.Profile;

namespace HipecSafe.Cli.Reporting;

/// <summary>The PNG plots of a procedure record: temperatures, flow, pressure and heater, each over procedure time with the phases shaded.</summary>
internal static class ProcedurePlots
{
    public const string Temperatures = "temperatures.png";
    public const string Flow = "flow.png";
    public const string Pressure = "pressure.png";
    public const string Heater = "heater.png";

    public static IReadOnlyList<string> FileNames { get; } = [Temperatures, Flow, Pressure, Heater];

    /// <summary>Writes every plot into <paramref name="directory"/>; returns their file names in report order.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ProcedureSample> samples, TreatmentProfile profile, double heaterMaxWatts)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(profile);
        var minutes = samples.Select(s => s.TimeSeconds / 60.0).ToArray();
        var bands = PhaseBands(samples);
        PlotSeries Series(string label, Func<ProcedureSample, double> value, string color, bool dashed = false) =>
            new(label, minutes, samples.Select(value).ToArray(), color, dashed);
        const string Time = "procedure time (min)";

        TimeSeriesPlot.SavePng(
            Path.Combine(directory, Temperatures), "Temperatures (plant truth)", Time, "°C",
            [
                Series("inflow", s => s.TruthInflowC, "#d62728"),
                Series("inflow set-point", s => s.InflowSetpointC, "#ff9896", dashed: true),
                Series("abdomen hottest probe", s => s.TruthAbdomenMaxC, "#ff7f0e"),
                Series("abdomen coldest probe", s => s.TruthAbdomenMinC, "#1f77b4"),
                Series("core", s => s.TruthCoreC, "#2ca02c"),
            ],
            bands,
            [
                new PlotLimit(profile.AbdominalBandLow.DegreesCelsius, "abdominal band low", "#1f77b4"),
                new PlotLimit(profile.AbdominalBandHigh.DegreesCelsius, "abdominal band high", "#ff7f0e"),
                new PlotLimit(profile.Limits.AbdominalHigh.DegreesCelsius, "abdominal alarm"),
            ]);

        TimeSeriesPlot.SavePng(
            Path.Combine(directory, Flow), "Inflow", Time, "L/min",
            [
                Series("flow (truth)", s => s.TruthFlowLPerMin, "#1f77b4"),
                Series("flow (measured)", s => s.MeasuredFlowLPerMin, "#aec7e8", dashed: true),
            ],
            bands,
            [new PlotLimit(profile.FlowTarget.LitersPerMinute, "target", "#2ca02c")]);

        TimeSeriesPlot.SavePng(
            Path.Combine(directory, Pressure), "Pressures", Time, "mmHg",
            [
                Series("inflow line (truth)", s => s.TruthLinePressureMmHg, "#9467bd"),
                Series("inflow line (measured)", s => s.MeasuredLinePressureMmHg, "#c5b0d5", dashed: true),
                Series("abdominal (truth)", s => s.TruthAbdominalPressureMmHg, "#8c564b"),
            ],
            bands,
            [new PlotLimit(profile.Limits.LinePressureHigh.MillimetersOfMercury, "line pressure alarm")]);

        TimeSeriesPlot.SavePng(
            Path.Combine(directory, Heater), "Heater", Time, "% of full power",
            [
                Series("commanded", s => s.HeaterEnabled ? s.HeaterPermille / 10.0 : 0.0, "#d62728"),
                Series("delivered", s => heaterMaxWatts > 0 ? s.HeaterPowerW / heaterMaxWatts * 100.0 : double.NaN, "#7f7f7f", dashed: true),
            ],
            bands);

        return FileNames;
    }

    /// <summary>One band per stretch of cycles in the same phase.</summary>
    public static IReadOnlyList<PlotBand> PhaseBands(IReadOnlyList<ProcedureSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var bands = new List<PlotBand>();
        var start = 0;
        for (var i = 1; i <= samples.Count; i++)
        {
            if (i == samples.Count || samples[i].Phase != samples[start].Phase)
            {
                var from = samples[start].TimeSeconds / 60.0;
                var to = samples[Math.Min(i, samples.Count - 1)].TimeSeconds / 60.0;
                bands.Add(new PlotBand(from, to, samples[start].Phase?.ToString() ?? "(no report)"));
                start = i;
            }
        }

        return bands;
    }
}
