using System.Globalization;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// Whether one cycle was hyperthermic perfusion, the only time chemo time counts (SRS-PH-022): the pump turning and the
/// abdomen in the therapeutic band, both as read in that cycle.
/// <list type="bullet">
/// <item>Pump stopped: the board does not show the pump turning (<see cref="PumpTurning"/>): it holds a pump speed
/// below one count of pump_speed_cmd (0.1 rpm), board_status bit3 is clear, pump_speed_actual is below one count, or
/// there is no actuator board feedback.</item>
/// <item>Below the band: the median of the valid abdominal probes (the measure of IL-ABDOMEN-BELOW-BAND) below the
/// profile's band low, or too few valid probes for a median (fewer than three): nothing then shows the abdomen in
/// the band.</item>
/// </list>
/// </summary>
public static class HyperthermicPerfusion
{
    /// <summary>Why the cycle was not hyperthermic perfusion (each reason, "; "-separated); null when it was.</summary>
    public static string? WhyNot(BoardReadout readout, ValidatedFrame sensors, TreatmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(readout);
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(profile);
        var pump = PumpTurning.WhyNot(readout);
        var abdomen = AbdomenNotInBand(sensors, profile);
        return pump is null ? abdomen : abdomen is null ? pump : pump + "; " + abdomen;
    }

    private static string? AbdomenNotInBand(ValidatedFrame sensors, TreatmentProfile profile)
    {
        var bandLow = profile.AbdominalBandLow.DegreesCelsius;
        if (AbdominalMedian.Of(sensors, out var valid) is not { } median)
        {
            return sensors.Frame is null
                ? "abdomen not known to be in the band: no sensor sample"
                : Inv($"abdomen not known to be in the band: {valid} valid abdominal probes, fewer than {AbdominalSelection.MinimumValidProbes}");
        }

        return median < bandLow
            ? Inv($"abdomen below the band: median of {valid} valid probes {median:0.00} °C < band low {bandLow:0.00} °C")
            : null;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
