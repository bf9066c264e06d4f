namespace HipecSafe.Core.Sensors;

/// <summary>
/// Measurement channels of the sensor board. The numeric value is the bit index in
/// <c>channel_fault_bits</c>; the channel's input register is value + 2 (see docs/icd.md).
/// </summary>
public enum SensorChannel
{
    InflowA = 0,
    InflowB = 1,
    Outflow = 2,
    Abdomen1 = 3,
    Abdomen2 = 4,
    Abdomen3 = 5,
    Abdomen4 = 6,
    Core = 7,
    InflowPressure = 8,
    Flow = 9,
    ReservoirVolume = 10,
    AirDetected = 11,
    AbdominalPressure = 12,
}
