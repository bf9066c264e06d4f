using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>Thresholds and persistence times of the interlock and alarm rules; bounded by <see cref="HardBounds"/>.</summary>
/// <param name="AbdominalBandLow">
/// The profile's therapeutic band low (abdominal.band_low_c, not a separate field): the abdomen below it during chemo
/// perfusion raises IL-ABDOMEN-BELOW-BAND.
/// </param>
public sealed record AlarmLimits(
    Temperature InflowHigh,
    Temperature AbdominalHigh,
    Temperature CoreWarning,
    Temperature CoreHigh,
    TemperatureDelta InflowDisagreement,
    Duration InflowDisagreementFor,
    Pressure LinePressureHigh,
    Duration LinePressureFor,
    Volume ReservoirLow,
    Volume ReservoirCritical,
    Volume ReservoirDrop,
    double FlowDeviationPercent,
    Duration FlowDeviationFor,
    Duration SampleStaleAfter,
    int BusFailuresForFault,
    Temperature AbdominalBandLow);
