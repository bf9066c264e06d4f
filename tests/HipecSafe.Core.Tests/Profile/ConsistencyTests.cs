using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// Cross-field rules: each is broken on its own (every value still inside its hard bound), the refusal names both
/// fields and both values, and the boundary case (equal for ≤, just apart for &lt;) is accepted.
/// </summary>
public class ConsistencyTests
{
    private static readonly string Default = ProfileText.Default;

    private static ProfileError SingleError(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);
        Assert.Null(profile);
        return Assert.Single(errors);
    }

    private static void AssertAccepted(string text)
    {
        var (profile, errors) = ProfileLoader.TryParse(text);
        Assert.Empty(errors);
        Assert.NotNull(profile);
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Band_low_above_target_is_refused()
    {
        var error = SingleError(Default.With("abdominal.band_low_c", "42.5"));

        Assert.Equal("abdominal.band_low_c", error.Field);
        Assert.Equal("42.50 °C must be at most abdominal.target_c (42.00 °C)", error.Message);
        AssertAccepted(Default.With("abdominal.band_low_c", "42.0"));
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Target_above_band_high_is_refused()
    {
        var error = SingleError(Default.With("abdominal.band_high_c", "41.5"));

        Assert.Equal("abdominal.target_c", error.Field);
        Assert.Equal("42.00 °C must be at most abdominal.band_high_c (41.50 °C)", error.Message);
        AssertAccepted(Default.With("abdominal.band_high_c", "42.0"));
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Inflow_minimum_above_inflow_target_is_refused()
    {
        var error = SingleError(Default.With("inflow.setpoint_min_c", "43.5"));

        Assert.Equal("inflow.setpoint_min_c", error.Field);
        Assert.Equal("43.50 °C must be at most inflow.target_c (43.00 °C)", error.Message);
        AssertAccepted(Default.With("inflow.setpoint_min_c", "43.0"));
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Inflow_target_above_inflow_maximum_is_refused()
    {
        var error = SingleError(Default.With("inflow.setpoint_max_c", "42.5"));

        Assert.Equal("inflow.target_c", error.Field);
        Assert.Equal("43.00 °C must be at most inflow.setpoint_max_c (42.50 °C)", error.Message);
        AssertAccepted(Default.With("inflow.setpoint_max_c", "43.0"));
    }

    [Theory]
    [InlineData("44.0")]
    [InlineData("43.5")]
    [Verifies("SRS-PR-004")]
    public void Inflow_alarm_at_or_below_inflow_maximum_is_refused(string inflowHigh)
    {
        var error = SingleError(Default.With("alarm_limits.inflow_high_c", inflowHigh));

        Assert.Equal("inflow.setpoint_max_c", error.Field);
        Assert.StartsWith("44.00 °C must be below alarm_limits.inflow_high_c (", error.Message, StringComparison.Ordinal);
        AssertAccepted(Default.With("alarm_limits.inflow_high_c", "44.1"));
    }

    [Theory]
    [InlineData("43.0")]
    [InlineData("42.5")]
    [Verifies("SRS-PR-004")]
    public void Abdominal_alarm_at_or_below_band_high_is_refused(string abdominalHigh)
    {
        var error = SingleError(Default.With("alarm_limits.abdominal_high_c", abdominalHigh).With("abdominal.band_high_c", "43.0"));

        Assert.Equal("abdominal.band_high_c", error.Field);
        Assert.StartsWith("43.00 °C must be below alarm_limits.abdominal_high_c (", error.Message, StringComparison.Ordinal);
        AssertAccepted(Default.With("alarm_limits.abdominal_high_c", "43.0").With("abdominal.band_high_c", "42.9"));
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Core_warning_above_core_alarm_is_refused()
    {
        var error = SingleError(Default.With("alarm_limits.core_high_c", "39.0"));

        Assert.Equal("alarm_limits.core_warning_c", error.Field);
        Assert.Equal("39.50 °C must be at most alarm_limits.core_high_c (39.00 °C)", error.Message);
        AssertAccepted(Default.With("alarm_limits.core_high_c", "39.5"));
    }

    [Theory]
    [InlineData("600")]
    [InlineData("700")]
    [Verifies("SRS-PR-004")]
    public void Reservoir_critical_at_or_above_reservoir_low_is_refused(string critical)
    {
        var error = SingleError(Default.With("alarm_limits.reservoir_critical_ml", critical));

        Assert.Equal("alarm_limits.reservoir_critical_ml", error.Field);
        Assert.Equal($"{critical} mL must be below alarm_limits.reservoir_low_ml (600 mL)", error.Message);
        AssertAccepted(Default.With("alarm_limits.reservoir_critical_ml", "599"));
    }

    [Fact]
    public void Drug_addition_minimum_above_band_high_is_refused()
    {
        // Not in SRS-PR-004's list, but the loader holds it: a drug minimum the band never reaches would block chemo.
        var error = SingleError(Default.With("abdominal.band_high_c", "42.5").With("drug_addition_min_abdominal_c", "42.6"));

        Assert.Equal("drug_addition_min_abdominal_c", error.Field);
        Assert.Equal("42.60 °C must be at most abdominal.band_high_c (42.50 °C)", error.Message);
        AssertAccepted(Default.With("abdominal.band_high_c", "42.5").With("drug_addition_min_abdominal_c", "42.5"));
    }

    [Fact]
    [Verifies("SRS-PR-004")]
    public void Several_broken_rules_are_all_listed()
    {
        var text = Default
            .With("abdominal.band_low_c", "42.5")
            .With("alarm_limits.core_high_c", "39.0")
            .With("alarm_limits.reservoir_critical_ml", "650");

        var (profile, errors) = ProfileLoader.TryParse(text);

        Assert.Null(profile);
        Assert.Equal(
            ["abdominal.band_low_c", "alarm_limits.core_warning_c", "alarm_limits.reservoir_critical_ml"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
