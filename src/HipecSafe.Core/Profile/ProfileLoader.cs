using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>
/// Loads a treatment profile from YAML or JSON text and validates every field against <see cref="HardBounds"/>
/// and against the other fields. All fields are required: a profile that silently inherited a limit would hide
/// what the device will do. Every problem is reported with field, line, value and bound.
/// </summary>
public static class ProfileLoader
{
    private const string EmbeddedResourceName = "HipecSafe.Core.Profile.default-profile.yaml";

    private static readonly Lazy<TreatmentProfile> LazyDefault = new(() => Parse(EmbeddedDefaultText, "embedded default"));

    public static TreatmentProfile EmbeddedDefault => LazyDefault.Value;

    public static string EmbeddedDefaultText
    {
        get
        {
            using var stream = typeof(ProfileLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
                ?? throw new InvalidOperationException($"embedded resource {EmbeddedResourceName} is missing from the build");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Parses and validates; throws <see cref="ProfileException"/> listing every problem.</summary>
    /// <summary>"default" is the embedded profile; anything else is the path of a profile file (read and validated).</summary>
    public static TreatmentProfile Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (nameOrPath == "default")
        {
            return TreatmentProfile.Default;
        }

        if (!File.Exists(nameOrPath))
        {
            throw new ProfileException(nameOrPath, [new ProfileError("(file)", 0, $"file '{nameOrPath}' does not exist")]);
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    public static TreatmentProfile Parse(string text, string sourceName)
    {
        var (profile, errors) = TryParse(text);
        return profile ?? throw new ProfileException(sourceName, errors);
    }

    public static (TreatmentProfile? Profile, IReadOnlyList<ProfileError> Errors) TryParse(string text)
    {
        var errors = new List<ProfileError>();
        // Only an unreadable document stops here; a duplicate key or a list is already reported and the rest is checked.
        var doc = ProfileDocument.Parse(text, errors);
        if (doc is null)
        {
            return (null, errors);
        }

        var r = new FieldReader(doc, errors);
        var name = r.Text("name");
        var abdominalTarget = r.Celsius("abdominal.target_c", HardBounds.AbdominalTargetMinC, HardBounds.AbdominalTargetMaxC);
        var bandLow = r.Celsius("abdominal.band_low_c", HardBounds.AbdominalTargetMinC, HardBounds.AbdominalTargetMaxC);
        var bandHigh = r.Celsius("abdominal.band_high_c", HardBounds.AbdominalTargetMinC, HardBounds.AbdominalTargetMaxC);
        var inflowTarget = r.Celsius("inflow.target_c", HardBounds.InflowSetpointMinC, HardBounds.InflowSetpointMaxC);
        var inflowMin = r.Celsius("inflow.setpoint_min_c", HardBounds.InflowSetpointMinC, HardBounds.InflowSetpointMaxC);
        var inflowMax = r.Celsius("inflow.setpoint_max_c", HardBounds.InflowSetpointMinC, HardBounds.InflowSetpointMaxC);
        var flow = r.Number("flow.target_l_per_min", HardBounds.FlowMinLPerMin, HardBounds.FlowMaxLPerMin, "L/min");
        var tubing = r.Number("flow.tubing_ml_per_rev", HardBounds.TubingMinMlPerRev, HardBounds.TubingMaxMlPerRev, "mL/rev");
        var priming = r.Time("durations.priming_min", Duration.FromSeconds(HardBounds.PrimingMinSeconds), Duration.FromSeconds(HardBounds.PrimingMaxSeconds));
        var chemo = r.Time("durations.chemo", Duration.FromMinutes(HardBounds.ChemoMinMinutes), Duration.FromMinutes(HardBounds.ChemoMaxMinutes));
        var washout = r.Time("durations.washout", Duration.FromMinutes(HardBounds.WashoutMinMinutes), Duration.FromMinutes(HardBounds.WashoutMaxMinutes));
        var draining = r.Time("durations.draining", Duration.FromMinutes(HardBounds.DrainingMinMinutes), Duration.FromMinutes(HardBounds.DrainingMaxMinutes));
        var drugMin = r.Celsius("drug_addition_min_abdominal_c", HardBounds.DrugAdditionMinC, HardBounds.AbdominalTargetMaxC);
        var leakCheck = new LeakCheckCriteria(
            Volume.FromMilliliters(r.Number("leak_check.steady_within_ml", HardBounds.LeakCheckWithinMinMl, HardBounds.LeakCheckWithinMaxMl, "mL")),
            r.Time("leak_check.steady_for", Duration.FromSeconds(HardBounds.LeakCheckForMinSeconds), Duration.FromSeconds(HardBounds.LeakCheckForMaxSeconds)));

        const string L = "alarm_limits.";
        var limits = new AlarmLimits(
            InflowHigh: r.Celsius(L + "inflow_high_c", HardBounds.InflowSetpointMinC, HardBounds.InflowAlarmMaxC),
            AbdominalHigh: r.Celsius(L + "abdominal_high_c", HardBounds.AbdominalTargetMinC, HardBounds.AbdominalAlarmMaxC),
            CoreWarning: r.Celsius(L + "core_warning_c", 37.5, HardBounds.CoreWarningMaxC),
            CoreHigh: r.Celsius(L + "core_high_c", 37.5, HardBounds.CoreAlarmMaxC),
            InflowDisagreement: TemperatureDelta.FromDegreesCelsius(r.Number(L + "inflow_disagreement_c", 0.05, HardBounds.InflowDisagreementMaxC, "°C")),
            InflowDisagreementFor: r.Time(L + "inflow_disagreement_for", Duration.FromMilliseconds(100), Duration.FromSeconds(HardBounds.InflowDisagreementMaxSeconds)),
            LinePressureHigh: Pressure.FromMillimetersOfMercury(r.Number(L + "line_pressure_high_mmhg", 50, HardBounds.LinePressureMaxMmHg, "mmHg")),
            LinePressureFor: r.Time(L + "line_pressure_for", Duration.FromMilliseconds(100), Duration.FromSeconds(HardBounds.LinePressureMaxSeconds)),
            ReservoirLow: Volume.FromMilliliters(r.Number(L + "reservoir_low_ml", HardBounds.ReservoirLowMinMl, 3000, "mL")),
            ReservoirCritical: Volume.FromMilliliters(r.Number(L + "reservoir_critical_ml", HardBounds.ReservoirCriticalMinMl, 3000, "mL")),
            ReservoirDrop: Volume.FromMilliliters(r.Number(L + "reservoir_drop_ml", 50, HardBounds.ReservoirDropMaxMl, "mL")),
            FlowDeviationPercent: r.Number(L + "flow_deviation_percent", 2, HardBounds.FlowDeviationMaxPercent, "%"),
            FlowDeviationFor: r.Time(L + "flow_deviation_for", Duration.FromSeconds(1), Duration.FromSeconds(HardBounds.FlowDeviationMaxSeconds)),
            SampleStaleAfter: r.Time(L + "sample_stale_after", Duration.FromMilliseconds(100), Duration.FromMilliseconds(HardBounds.SampleStaleMaxMs)),
            BusFailuresForFault: (int)r.Number(L + "bus_failures_for_fault", 1, HardBounds.BusFailuresMax, "transactions", integer: true),
            AbdominalBandLow: bandLow);

        foreach (var (path, line) in doc.Unconsumed())
        {
            errors.Add(new ProfileError(path, line, "unknown field (check the spelling; see the embedded default profile)"));
        }

        r.Ordered("abdominal.band_low_c", bandLow, "abdominal.target_c", abdominalTarget);
        r.Ordered("abdominal.target_c", abdominalTarget, "abdominal.band_high_c", bandHigh);
        r.Ordered("inflow.setpoint_min_c", inflowMin, "inflow.target_c", inflowTarget);
        r.Ordered("inflow.target_c", inflowTarget, "inflow.setpoint_max_c", inflowMax);
        r.Ordered("alarm_limits.core_warning_c", limits.CoreWarning, "alarm_limits.core_high_c", limits.CoreHigh);
        r.Ordered("inflow.setpoint_max_c", inflowMax, "alarm_limits.inflow_high_c", limits.InflowHigh, strict: true);
        r.Ordered("abdominal.band_high_c", bandHigh, "alarm_limits.abdominal_high_c", limits.AbdominalHigh, strict: true);
        r.Ordered("drug_addition_min_abdominal_c", drugMin, "abdominal.band_high_c", bandHigh);
        if (limits.ReservoirCritical >= limits.ReservoirLow)
        {
            errors.Add(new ProfileError(L + "reservoir_critical_ml", 0,
                $"{limits.ReservoirCritical} must be below alarm_limits.reservoir_low_ml ({limits.ReservoirLow})"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new TreatmentProfile(name, abdominalTarget, bandLow, bandHigh, inflowTarget, inflowMin, inflowMax,
            VolumetricFlow.FromLitersPerMinute(flow), tubing, priming, chemo, washout, draining, drugMin, leakCheck, limits), errors);
    }

    /// <summary>Reads typed fields from the document, appending an error (and returning a neutral value) on each problem.</summary>
    private sealed class FieldReader(ProfileDocument doc, List<ProfileError> errors)
    {
        // Fields already reported as missing or unreadable: their placeholder value (NaN, zero) must not be compared
        // with other fields, or the list would gain errors like "41.00 °C must be at most abdominal.target_c (NaN °C)".
        private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

        private void Unreadable(string path, int line, string message)
        {
            _unreadable.Add(path);
            if (!doc.HasReported(path))
            {
                errors.Add(new ProfileError(path, line, message));
            }
        }

        public string Text(string path)
        {
            if (!doc.TryGet(path, out var value, out var line) || string.IsNullOrWhiteSpace(value))
            {
                Unreadable(path, line, "required field is missing or empty");
                return "";
            }

            return value;
        }

        public Temperature Celsius(string path, double min, double max) =>
            Temperature.FromDegreesCelsius(Number(path, min, max, "°C"));

        public double Number(string path, double min, double max, string unit, bool integer = false)
        {
            if (!doc.TryGet(path, out var raw, out var line))
            {
                Unreadable(path, 0, "required field is missing");
                return double.NaN;
            }

            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Unreadable(path, line, $"'{raw}' is not a number (expected {unit})");
                return double.NaN;
            }

            if (integer && value != Math.Floor(value))
            {
                errors.Add(new ProfileError(path, line, $"{Fmt(value)} must be a whole number of {unit}"));
            }

            CheckBounds(path, line, value, min, max, unit, Fmt(value), Fmt(min), Fmt(max));
            return value;
        }

        public Duration Time(string path, Duration min, Duration max)
        {
            if (!doc.TryGet(path, out var raw, out var line))
            {
                Unreadable(path, 0, "required field is missing");
                return Duration.Zero;
            }

            if (!DurationText.TryParse(raw, out var value, out var error))
            {
                Unreadable(path, line, error);
                return Duration.Zero;
            }

            CheckBounds(path, line, value.Seconds, min.Seconds, max.Seconds, "",
                DurationText.Format(value), DurationText.Format(min), DurationText.Format(max));
            return value;
        }

        private void CheckBounds(string path, int line, double value, double min, double max, string unit, string shown, string minText, string maxText)
        {
            var u = unit.Length > 0 && unit != "transactions" ? " " + unit : "";
            if (value > max)
            {
                errors.Add(new ProfileError(path, line, $"{shown}{u} exceeds the hard bound {maxText}{u} (no profile may set it higher)"));
            }
            else if (value < min)
            {
                errors.Add(new ProfileError(path, line, $"{shown}{u} is below the hard bound {minText}{u} (no profile may set it lower)"));
            }
        }

        public void Ordered<T>(string lowPath, T low, string highPath, T high, bool strict = false) where T : IComparable<T>
        {
            if (_unreadable.Contains(lowPath) || _unreadable.Contains(highPath))
            {
                return;
            }

            var cmp = low.CompareTo(high);
            if (cmp > 0 || (strict && cmp == 0))
            {
                errors.Add(new ProfileError(lowPath, 0, $"{low} must be {(strict ? "below" : "at most")} {highPath} ({high})"));
            }
        }

        private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
