using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Sensors;

/// <summary>
/// One sample of the sensor board as the controller sees it, already decoded from registers into quantities.
/// <paramref name="ChannelFaultBits"/> is the board's own open/short/out-of-range report, bit = <see cref="SensorChannel"/>.
/// </summary>
public sealed record SensorFrame(
    ushort SampleCounter,
    ushort ChannelFaultBits,
    Temperature InflowA,
    Temperature InflowB,
    Temperature Outflow,
    Temperature Abdomen1,
    Temperature Abdomen2,
    Temperature Abdomen3,
    Temperature Abdomen4,
    Temperature Core,
    Pressure InflowPressure,
    VolumetricFlow Flow,
    Volume ReservoirVolume,
    bool AirDetected,
    Pressure AbdominalPressure)
{
    public const int AbdominalProbeCount = 4;

    public bool IsChannelFaulted(SensorChannel channel) => (ChannelFaultBits & (1 << (int)channel)) != 0;

    public Temperature AbdomenProbe(int index) => index switch
    {
        0 => Abdomen1,
        1 => Abdomen2,
        2 => Abdomen3,
        3 => Abdomen4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "abdominal probes are numbered 0..3"),
    };

    public static SensorChannel AbdomenChannel(int index) => SensorChannel.Abdomen1 + index;
}
