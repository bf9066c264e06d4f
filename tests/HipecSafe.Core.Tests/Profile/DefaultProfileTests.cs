using HipecSafe.Core.Profile;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>The embedded default profile loads and carries the documented clinical figures.</summary>
public class DefaultProfileTests
{
    private static readonly TreatmentProfile Default = ProfileLoader.EmbeddedDefault;

    [Fact]
    [Verifies("SRS-PR-001")]
    public void Embedded_default_loads_without_errors()
    {
        var (profile, errors) = ProfileLoader.TryParse(ProfileLoader.EmbeddedDefaultText);

        Assert.Empty(errors);
        Assert.NotNull(profile);
        Assert.Equal(Default, profile);
        Assert.Equal(Default, TreatmentProfile.Default);
        Assert.Equal("default", Default.Name);
    }

    [Fact]
    [Verifies("SRS-PR-001")]
    public void Abdominal_target_is_42_in_the_band_41_to_43()
    {
        Assert.Equal(42.0, Default.AbdominalTarget.DegreesCelsius);
        Assert.Equal(41.0, Default.AbdominalBandLow.DegreesCelsius);
        Assert.Equal(43.0, Default.AbdominalBandHigh.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-001")]
    public void Flow_is_2_liters_per_minute_and_chemo_lasts_90_minutes()
    {
        Assert.Equal(2.0, Default.FlowTarget.LitersPerMinute, 1e-12);
        Assert.Equal(90.0, Default.ChemoDuration.Minutes, 1e-12);
        Assert.Equal(TimeSpan.FromMinutes(90), Default.ChemoDuration.ToTimeSpan());
    }

    [Fact]
    [Verifies("SRS-PR-001")]
    public void Inflow_set_points_phase_times_and_drug_minimum_are_as_in_the_file()
    {
        Assert.Equal(43.0, Default.InflowTarget.DegreesCelsius);
        Assert.Equal(41.0, Default.InflowSetpointMin.DegreesCelsius);
        Assert.Equal(44.0, Default.InflowSetpointMax.DegreesCelsius);
        Assert.Equal(40.0, Default.TubingMillilitersPerRevolution);
        Assert.Equal(30.0, Default.PrimingMinimum.Seconds, 1e-12);
        Assert.Equal(10.0, Default.WashoutDuration.Minutes, 1e-12);
        Assert.Equal(5.0, Default.DrainingDuration.Minutes, 1e-12);
        Assert.Equal(40.0, Default.DrugAdditionMinimum.DegreesCelsius);
    }

    [Fact]
    [Verifies("SRS-PR-001")]
    public void Alarm_limits_are_as_in_the_file()
    {
        var l = Default.Limits;

        Assert.Equal(45.0, l.InflowHigh.DegreesCelsius);
        Assert.Equal(43.5, l.AbdominalHigh.DegreesCelsius);
        Assert.Equal(39.5, l.CoreWarning.DegreesCelsius);
        Assert.Equal(40.0, l.CoreHigh.DegreesCelsius);
        Assert.Equal(0.3, l.InflowDisagreement.DegreesCelsius);
        Assert.Equal(2.0, l.InflowDisagreementFor.Seconds, 1e-12);
        Assert.Equal(300.0, l.LinePressureHigh.MillimetersOfMercury);
        Assert.Equal(500.0, l.LinePressureFor.Milliseconds, 1e-9);
        Assert.Equal(600.0, l.ReservoirLow.Milliliters);
        Assert.Equal(300.0, l.ReservoirCritical.Milliliters);
        Assert.Equal(300.0, l.ReservoirDrop.Milliliters);
        Assert.Equal(10.0, l.FlowDeviationPercent);
        Assert.Equal(10.0, l.FlowDeviationFor.Seconds, 1e-12);
        Assert.Equal(300.0, l.SampleStaleAfter.Milliseconds, 1e-9);
        Assert.Equal(3, l.BusFailuresForFault);
    }

    [Fact]
    public void Every_numeric_field_of_the_default_has_a_bound_in_the_test_table()
    {
        // Keeps the hard-bound tests and the mutation property complete when a field is added to the profile.
        var numericFields = ProfileText.FieldPaths(ProfileText.Default).Where(p => p != "name");

        Assert.Equal(numericFields.Order(), ProfileFieldBounds.All.Select(f => f.Path).Order());
    }

    [Fact]
    public void Default_lies_inside_every_bound_of_the_test_table()
    {
        Assert.All(ProfileFieldBounds.All, f => Assert.InRange(f.Read(Default), f.Min, f.Max));
    }

    [Fact]
    public void Pump_speed_for_the_default_flow_uses_the_tubing_volume_per_revolution()
    {
        Assert.Equal(50.0, Default.PumpRpmFor(Default.FlowTarget), 1e-12);
    }

    [Fact]
    [Verifies("SRS-PR-005", "SRS-PH-006")]
    public void The_leak_check_asks_for_the_reservoir_within_50_mL_for_60_s()
    {
        Assert.Equal(50.0, Default.LeakCheck.SteadyWithin.Milliliters);
        Assert.Equal(TimeSpan.FromSeconds(60), Default.LeakCheck.SteadyFor.ToTimeSpan());
    }
}
