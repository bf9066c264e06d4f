namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// Every numeric and duration field of a profile with its hard bounds (HardBounds.cs and the loader's floors). The
/// requirement figures of SRS-PR-003 are checked separately against literals in <see cref="HardBoundTests"/>.
/// </summary>
public static class ProfileFieldBounds
{
    public static readonly IReadOnlyList<ProfileFieldBound> All =
    [
        ProfileFieldBound.Number("abdominal.target_c", 41.0, 43.0, 0.1, p => p.AbdominalTarget.DegreesCelsius),
        ProfileFieldBound.Number("abdominal.band_low_c", 41.0, 43.0, 0.1, p => p.AbdominalBandLow.DegreesCelsius),
        ProfileFieldBound.Number("abdominal.band_high_c", 41.0, 43.0, 0.1, p => p.AbdominalBandHigh.DegreesCelsius),
        ProfileFieldBound.Number("inflow.target_c", 37.0, 44.5, 0.1, p => p.InflowTarget.DegreesCelsius),
        ProfileFieldBound.Number("inflow.setpoint_min_c", 37.0, 44.5, 0.1, p => p.InflowSetpointMin.DegreesCelsius),
        ProfileFieldBound.Number("inflow.setpoint_max_c", 37.0, 44.5, 0.1, p => p.InflowSetpointMax.DegreesCelsius),
        ProfileFieldBound.Number("flow.target_l_per_min", 0.5, 3.0, 0.1, p => p.FlowTarget.LitersPerMinute),
        ProfileFieldBound.Number("flow.tubing_ml_per_rev", 5, 100, 1, p => p.TubingMillilitersPerRevolution),
        ProfileFieldBound.Time("durations.priming_min", 10, 600, "9s", "10s", "10m", "601s", "10s", "10m", p => p.PrimingMinimum.Seconds),
        ProfileFieldBound.Time("durations.chemo", 1800, 7200, "29m", "30m", "120m", "121m", "30m", "2h", p => p.ChemoDuration.Seconds),
        ProfileFieldBound.Time("durations.washout", 60, 3600, "59s", "1m", "60m", "61m", "1m", "1h", p => p.WashoutDuration.Seconds),
        ProfileFieldBound.Time("durations.draining", 60, 1800, "59s", "1m", "30m", "31m", "1m", "30m", p => p.DrainingDuration.Seconds),
        ProfileFieldBound.Number("drug_addition_min_abdominal_c", 40.0, 43.0, 0.1, p => p.DrugAdditionMinimum.DegreesCelsius),
        ProfileFieldBound.Number("leak_check.steady_within_ml", 20, 100, 1, p => p.LeakCheck.SteadyWithin.Milliliters),
        ProfileFieldBound.Time("leak_check.steady_for", 30, 600, "29s", "30s", "10m", "601s", "30s", "10m", p => p.LeakCheck.SteadyFor.Seconds),
        ProfileFieldBound.Number("alarm_limits.inflow_high_c", 37.0, 45.5, 0.1, p => p.Limits.InflowHigh.DegreesCelsius),
        ProfileFieldBound.Number("alarm_limits.abdominal_high_c", 41.0, 43.5, 0.1, p => p.Limits.AbdominalHigh.DegreesCelsius),
        ProfileFieldBound.Number("alarm_limits.core_warning_c", 37.5, 39.5, 0.1, p => p.Limits.CoreWarning.DegreesCelsius),
        ProfileFieldBound.Number("alarm_limits.core_high_c", 37.5, 40.0, 0.1, p => p.Limits.CoreHigh.DegreesCelsius),
        ProfileFieldBound.Number("alarm_limits.inflow_disagreement_c", 0.05, 0.5, 0.01, p => p.Limits.InflowDisagreement.DegreesCelsius),
        ProfileFieldBound.Time("alarm_limits.inflow_disagreement_for", 0.1, 5, "99ms", "100ms", "5s", "5001ms", "100ms", "5s", p => p.Limits.InflowDisagreementFor.Seconds),
        ProfileFieldBound.Number("alarm_limits.line_pressure_high_mmhg", 50, 350, 1, p => p.Limits.LinePressureHigh.MillimetersOfMercury),
        ProfileFieldBound.Time("alarm_limits.line_pressure_for", 0.1, 1, "99ms", "100ms", "1s", "1001ms", "100ms", "1s", p => p.Limits.LinePressureFor.Seconds),
        ProfileFieldBound.Number("alarm_limits.reservoir_low_ml", 400, 3000, 1, p => p.Limits.ReservoirLow.Milliliters),
        ProfileFieldBound.Number("alarm_limits.reservoir_critical_ml", 200, 3000, 1, p => p.Limits.ReservoirCritical.Milliliters),
        ProfileFieldBound.Number("alarm_limits.reservoir_drop_ml", 50, 500, 1, p => p.Limits.ReservoirDrop.Milliliters),
        ProfileFieldBound.Number("alarm_limits.flow_deviation_percent", 2, 20, 0.1, p => p.Limits.FlowDeviationPercent),
        ProfileFieldBound.Time("alarm_limits.flow_deviation_for", 1, 30, "999ms", "1s", "30s", "31s", "1s", "30s", p => p.Limits.FlowDeviationFor.Seconds),
        ProfileFieldBound.Time("alarm_limits.sample_stale_after", 0.1, 0.5, "99ms", "100ms", "500ms", "501ms", "100ms", "500ms", p => p.Limits.SampleStaleAfter.Seconds),
        ProfileFieldBound.Number("alarm_limits.bus_failures_for_fault", 1, 5, 1, p => p.Limits.BusFailuresForFault),
    ];

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var f in All)
        {
            data.Add(f.Path);
        }

        return data;
    }

    public static ProfileFieldBound Get(string path) => All.Single(f => f.Path == path);
}
