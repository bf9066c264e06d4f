using HipecSafe.Core.Sensors;

namespace HipecSafe.Devices.Boards;

/// <summary>Input registers of the sensor board (slave 1, FC 0x04), docs/icd.md.</summary>
public static class SensorBoardRegisters
{
    public const ushort SampleCounter = 0;
    public const ushort ChannelFaultBits = 1;
    public const ushort InflowTemperatureA = 2;
    public const ushort InflowTemperatureB = 3;
    public const ushort OutflowTemperature = 4;
    public const ushort AbdomenTemperature1 = 5;
    public const ushort AbdomenTemperature2 = 6;
    public const ushort AbdomenTemperature3 = 7;
    public const ushort AbdomenTemperature4 = 8;
    public const ushort CoreTemperature = 9;
    public const ushort InflowPressure = 10;
    public const ushort Flow = 11;
    public const ushort ReservoirVolume = 12;
    public const ushort AirDetected = 13;
    public const ushort AbdominalPressure = 14;

    /// <summary>Registers 0..14 are read in one FC 0x04 transaction.</summary>
    public const ushort Count = 15;

    /// <summary>channel_fault_bits bit i belongs to the channel at register i + 2.</summary>
    public const int FirstChannelRegister = 2;

    /// <summary>Bits of channel_fault_bits that name a channel (0..12).</summary>
    public const ushort DefinedFaultBits = (1 << (Count - FirstChannelRegister)) - 1;

    /// <summary>Temperatures are signed 0.01 °C: 100 counts per °C.</summary>
    public const double CountsPerDegreeCelsius = 100;

    /// <summary>Pressures are signed 0.1 mmHg: 10 counts per mmHg.</summary>
    public const double CountsPerMmHg = 10;

    public static ushort RegisterOf(SensorChannel channel) => (ushort)(FirstChannelRegister + (int)channel);

    /// <summary>ICD names, for messages: "t_inflow_a", "p_abdomen", ...</summary>
    public static string NameOf(ushort register) => register switch
    {
        SampleCounter => "sample_counter",
        ChannelFaultBits => "channel_fault_bits",
        InflowTemperatureA => "t_inflow_a",
        InflowTemperatureB => "t_inflow_b",
        OutflowTemperature => "t_outflow",
        AbdomenTemperature1 => "t_abdomen_1",
        AbdomenTemperature2 => "t_abdomen_2",
        AbdomenTemperature3 => "t_abdomen_3",
        AbdomenTemperature4 => "t_abdomen_4",
        CoreTemperature => "t_core",
        InflowPressure => "p_inflow",
        Flow => "flow",
        ReservoirVolume => "reservoir_volume",
        AirDetected => "air_detected",
        AbdominalPressure => "p_abdomen",
        _ => $"register {register}",
    };
}
