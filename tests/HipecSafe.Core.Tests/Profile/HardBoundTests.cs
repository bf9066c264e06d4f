using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>No profile may step outside the hard bounds; the refusal names field, line, value and bound.</summary>
public class HardBoundTests
{
    private static readonly string Default = ProfileText.Default;

    private static ProfileError SingleError(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);
        Assert.Null(profile);
        return Assert.Single(errors);
    }

    private static TreatmentProfile Accepted(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);
        Assert.Empty(errors);
        return Assert.IsType<TreatmentProfile>(profile);
    }

    /// <summary>How the loader prints a value: numbers as written here, durations in their canonical form.</summary>
    private static string Shown(ProfileFieldBound f, string text) => f.IsDuration ? DurationText.Format(DurationText.Parse(text)) : text;

    private static void AssertOverBound(ProfileError error, string text, string path, string message)
    {
        Assert.Equal(path, error.Field);
        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Hard_bound_constants_carry_the_requirement_figures()
    {
        Assert.Equal(44.5, HardBounds.InflowSetpointMaxC);
        Assert.Equal(43.5, HardBounds.AbdominalAlarmMaxC);
        Assert.Equal(40.0, HardBounds.CoreAlarmMaxC);
        Assert.Equal(39.5, HardBounds.CoreWarningMaxC);
        Assert.Equal(0.5, HardBounds.FlowMinLPerMin);
        Assert.Equal(3.0, HardBounds.FlowMaxLPerMin);
        Assert.Equal(30, HardBounds.ChemoMinMinutes);
        Assert.Equal(120, HardBounds.ChemoMaxMinutes);
        Assert.Equal(40.0, HardBounds.DrugAdditionMinC);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Inflow_set_point_max_above_44_5_is_refused_and_44_5_accepted()
    {
        var over = Default.With("inflow.setpoint_max_c", "44.6");
        AssertOverBound(SingleError(over), over, "inflow.setpoint_max_c", "44.6 °C exceeds the hard bound 44.5 °C (no profile may set it higher)");

        Assert.Equal(44.5, Accepted(Default.With("inflow.setpoint_max_c", "44.5")).InflowSetpointMax.DegreesCelsius);
    }

    [Theory]
    [InlineData("inflow.target_c")]
    [InlineData("inflow.setpoint_min_c")]
    [Verifies("SRS-PR-003")]
    public void No_inflow_set_point_may_exceed_44_5(string path)
    {
        var text = Default.With(path, "44.6").With("inflow.setpoint_max_c", "44.5");

        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Null(profile);
        Assert.Contains(errors, e => e.Field == path && e.Line == ProfileText.LineOf(text, path)
                                     && e.Message == "44.6 °C exceeds the hard bound 44.5 °C (no profile may set it higher)");
        var atBound = Accepted(Default.With("inflow.setpoint_max_c", "44.5").With("inflow.target_c", "44.5").With("inflow.setpoint_min_c", "44.5"));
        Assert.Equal(44.5, atBound.InflowTarget.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Abdominal_alarm_above_43_5_is_refused_and_43_5_accepted()
    {
        var over = Default.With("alarm_limits.abdominal_high_c", "43.6");
        AssertOverBound(SingleError(over), over, "alarm_limits.abdominal_high_c", "43.6 °C exceeds the hard bound 43.5 °C (no profile may set it higher)");

        Assert.Equal(43.5, Accepted(Default.With("alarm_limits.abdominal_high_c", "43.5")).Limits.AbdominalHigh.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Core_alarm_above_40_is_refused_and_40_accepted()
    {
        var over = Default.With("alarm_limits.core_high_c", "40.1");
        AssertOverBound(SingleError(over), over, "alarm_limits.core_high_c", "40.1 °C exceeds the hard bound 40 °C (no profile may set it higher)");

        Assert.Equal(40.0, Accepted(Default.With("alarm_limits.core_high_c", "40.0")).Limits.CoreHigh.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Core_warning_above_39_5_is_refused_and_39_5_accepted()
    {
        var over = Default.With("alarm_limits.core_warning_c", "39.6");
        AssertOverBound(SingleError(over), over, "alarm_limits.core_warning_c", "39.6 °C exceeds the hard bound 39.5 °C (no profile may set it higher)");

        Assert.Equal(39.5, Accepted(Default.With("alarm_limits.core_warning_c", "39.5")).Limits.CoreWarning.DegreesCelsius);
    }

    [Theory]
    [InlineData("0.4", "0.4 L/min is below the hard bound 0.5 L/min (no profile may set it lower)")]
    [InlineData("3.1", "3.1 L/min exceeds the hard bound 3 L/min (no profile may set it higher)")]
    [InlineData("0.49", "0.49 L/min is below the hard bound 0.5 L/min (no profile may set it lower)")]
    [InlineData("3.001", "3.001 L/min exceeds the hard bound 3 L/min (no profile may set it higher)")]
    [Verifies("SRS-PR-003")]
    public void Flow_outside_0_5_to_3_is_refused(string value, string message)
    {
        var text = Default.With("flow.target_l_per_min", value);

        AssertOverBound(SingleError(text), text, "flow.target_l_per_min", message);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("3.0")]
    [InlineData("3")]
    [Verifies("SRS-PR-003")]
    public void Flow_at_either_end_of_0_5_to_3_is_accepted(string value)
    {
        Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            Accepted(Default.With("flow.target_l_per_min", value)).FlowTarget.LitersPerMinute, 1e-12);
    }

    [Theory]
    [InlineData("29m", "29m is below the hard bound 30m (no profile may set it lower)")]
    [InlineData("121m", "2h1m exceeds the hard bound 2h (no profile may set it higher)")]
    [InlineData("29m59s", "29m59s is below the hard bound 30m (no profile may set it lower)")]
    [InlineData("2h1s", "2h1s exceeds the hard bound 2h (no profile may set it higher)")]
    [Verifies("SRS-PR-003")]
    public void Chemo_outside_30_to_120_minutes_is_refused(string value, string message)
    {
        var text = Default.With("durations.chemo", value);

        AssertOverBound(SingleError(text), text, "durations.chemo", message);
    }

    [Theory]
    [InlineData("30m", 30.0)]
    [InlineData("120m", 120.0)]
    [InlineData("2h", 120.0)]
    [InlineData("1h30m", 90.0)]
    [Verifies("SRS-PR-003")]
    public void Chemo_from_30_to_120_minutes_is_accepted(string value, double minutes)
    {
        Assert.Equal(minutes, Accepted(Default.With("durations.chemo", value)).ChemoDuration.Minutes, 1e-12);
    }

    [Fact]
    [Verifies("SRS-PR-003")]
    public void Drug_addition_minimum_below_40_is_refused_and_40_accepted()
    {
        var under = Default.With("drug_addition_min_abdominal_c", "39.9");
        AssertOverBound(SingleError(under), under, "drug_addition_min_abdominal_c", "39.9 °C is below the hard bound 40 °C (no profile may set it lower)");

        Assert.Equal(40.0, Accepted(Default.With("drug_addition_min_abdominal_c", "40.0")).DrugAdditionMinimum.DegreesCelsius);
    }

    [Theory]
    [MemberData(nameof(ProfileFieldBounds.Paths), MemberType = typeof(ProfileFieldBounds))]
    [Verifies("SRS-PR-003")]
    public void Every_field_just_above_its_upper_bound_is_refused_naming_value_and_bound(string path)
    {
        var f = ProfileFieldBounds.Get(path);
        var text = Default.With(path, f.OverText);

        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Null(profile);
        // The value may also break a cross-field rule; the bound error must be there regardless.
        var error = Assert.Single(errors, e => e.Field == path && e.Message.Contains("hard bound", StringComparison.Ordinal));
        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        Assert.StartsWith(Shown(f, f.OverText) + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the hard bound", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the hard bound {f.MaxShown} ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProfileFieldBounds.Paths), MemberType = typeof(ProfileFieldBounds))]
    [Verifies("SRS-PR-003")]
    public void Every_field_just_below_its_lower_bound_is_refused_naming_value_and_bound(string path)
    {
        var f = ProfileFieldBounds.Get(path);
        var text = Default.With(path, f.UnderText);

        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Null(profile);
        var error = Assert.Single(errors, e => e.Field == path && e.Message.Contains("hard bound", StringComparison.Ordinal));
        Assert.Equal(ProfileText.LineOf(text, path), error.Line);
        Assert.StartsWith(Shown(f, f.UnderText) + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is below the hard bound", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the hard bound {f.MinShown} ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProfileFieldBounds.Paths), MemberType = typeof(ProfileFieldBounds))]
    [Verifies("SRS-PR-003")]
    public void Every_field_exactly_at_a_bound_passes_its_bound_check(string path)
    {
        var f = ProfileFieldBounds.Get(path);

        foreach (var value in new[] { f.MinText, f.MaxText })
        {
            var (_, errors) = ProfileLoader.TryParse(Default.With(path, value));

            // Other fields may now be inconsistent with it (SRS-PR-004), but the value itself is within bounds.
            Assert.DoesNotContain(errors, e => e.Field == path && e.Message.Contains("hard bound", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("alarm_limits.core_high_c", "-40")]
    [InlineData("flow.target_l_per_min", "-2.0")]
    [InlineData("flow.target_l_per_min", "0")]
    [InlineData("inflow.setpoint_max_c", "1e3")]
    [InlineData("alarm_limits.bus_failures_for_fault", "0")]
    [InlineData("durations.chemo", "0s")]
    [InlineData("durations.chemo", "100000h")]
    [Verifies("SRS-PR-003")]
    public void Absurd_values_are_refused_by_the_bound(string path, string value)
    {
        var (profile, errors) = ProfileLoader.TryParse(Default.With(path, value));

        Assert.Null(profile);
        Assert.Contains(errors, e => e.Field == path && e.Message.Contains("hard bound", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-PR-005")]
    public void Leak_check_tolerance_outside_20_to_100_mL_and_time_outside_30_s_to_10_min_are_refused_naming_field_line_and_bound()
    {
        Assert.Equal(20, HardBounds.LeakCheckWithinMinMl);
        Assert.Equal(100, HardBounds.LeakCheckWithinMaxMl);
        Assert.Equal(30, HardBounds.LeakCheckForMinSeconds);
        Assert.Equal(600, HardBounds.LeakCheckForMaxSeconds);

        var loose = Default.With("leak_check.steady_within_ml", "101");
        AssertOverBound(SingleError(loose), loose, "leak_check.steady_within_ml", "101 mL exceeds the hard bound 100 mL (no profile may set it higher)");
        var tight = Default.With("leak_check.steady_within_ml", "19");
        AssertOverBound(SingleError(tight), tight, "leak_check.steady_within_ml", "19 mL is below the hard bound 20 mL (no profile may set it lower)");
        var brief = Default.With("leak_check.steady_for", "29s");
        AssertOverBound(SingleError(brief), brief, "leak_check.steady_for", "29s is below the hard bound 30s (no profile may set it lower)");
        var endless = Default.With("leak_check.steady_for", "11m");
        AssertOverBound(SingleError(endless), endless, "leak_check.steady_for", "11m exceeds the hard bound 10m (no profile may set it higher)");

        var atBounds = Accepted(Default.With("leak_check.steady_within_ml", "100").With("leak_check.steady_for", "30s"));
        Assert.Equal(new LeakCheckCriteria(Volume.FromMilliliters(100), Duration.FromSeconds(30)), atBounds.LeakCheck);
    }
}
