using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>Thresholds and persistence times of the interlock and alarm rules; bounded by <see cref="HardBounds"/>.</summary>
/// <param name="AbdominalBandLow">
/// The profile's therapeutic band low (abdominal.band_low_c, not a separate field): the abdomen below it during chemo
/// perfusion raises IL-ABDOMEN-BELOW-BAND.
/// </param>
/// <param name="AbdominalBandHigh">
/// The profile's therapeutic band high (abdominal.band_high_c, ≤ 43.0 °C by the hard bounds): the hottest abdominal
/// probe at or above it raises the IL-ABDOMEN-WARNING alarm, below the IL-ABDOMEN-HIGH trip.
/// </param>
/// <param name="TubingMillilitersPerRevolution">
/// The profile's tubing set displacement (flow.tubing_ml_per_rev): pump speed × displacement is the flow the roller
/// pump delivers, which IL-FLOW-PUMP-MISMATCH and IL-FLOW-METER-HIGH compare with the flow meter.
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
    Temperature AbdominalBandLow,
    Temperature AbdominalBandHigh,
    double TubingMillilitersPerRevolution);
