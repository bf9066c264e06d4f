using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Profile;

/// <summary>Thresholds and persistence times of the interlock and alarm rules; bounded by <see cref="HardBounds"/>.</summary>
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
    int BusFailuresForFault);
