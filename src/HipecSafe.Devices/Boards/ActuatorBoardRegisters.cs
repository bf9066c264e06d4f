namespace HipecSafe.Devices.Boards;

/// <summary>Registers of the actuator board (slave 2), docs/icd.md.</summary>
public static class ActuatorBoardRegisters
{
    // Holding registers (FC 0x03 read, 0x06 / 0x10 write)
    public const ushort HeaterPowerCommand = 0;
    public const ushort PumpSpeedCommand = 1;
    public const ushort InflowClampCommand = 2;
    public const ushort HeaterEnable = 3;
    public const ushort Heartbeat = 4;
    public const ushort LatchReset = 5;

    /// <summary>Holding registers 0..4 are written each cycle in one FC 0x10 transaction.</summary>
    public const ushort CommandCount = 5;

    /// <summary>Holding registers that exist (0..5).</summary>
    public const ushort HoldingCount = 6;

    /// <summary>The value that clears the board's safe latch when written to <see cref="LatchReset"/>.</summary>
    public const ushort LatchResetKey = 0x5AFE;

    // Input registers (FC 0x04)
    public const ushort BoardStatusWord = 0;
    /// <summary>heater_power_actual: the driver's output ahead of the series relay, ‰ (hazard analysis OI-18).</summary>
    public const ushort HeaterPowerActual = 1;
    public const ushort PumpSpeedActual = 2;
    public const ushort LimiterTemperature = 3;
    public const ushort HeartbeatEcho = 4;

    /// <summary>Input registers 0..4 are read in one FC 0x04 transaction.</summary>
    public const ushort InputCount = 5;

    /// <summary>Heater power in ‰ of maximum.</summary>
    public const int MaxHeaterPermille = 1000;

    /// <summary>Pump speeds are 0.1 rpm: 10 counts per rpm.</summary>
    public const double CountsPerRpm = 10;

    /// <summary>limiter_temp is signed 0.01 °C: 100 counts per °C.</summary>
    public const double CountsPerDegreeCelsius = 100;

    public static string HoldingNameOf(ushort register) => register switch
    {
        HeaterPowerCommand => "heater_power_cmd",
        PumpSpeedCommand => "pump_speed_cmd",
        InflowClampCommand => "inflow_clamp_cmd",
        HeaterEnable => "heater_enable",
        Heartbeat => "heartbeat",
        LatchReset => "latch_reset",
        _ => $"holding register {register}",
    };

    public static string InputNameOf(ushort register) => register switch
    {
        BoardStatusWord => "board_status",
        HeaterPowerActual => "heater_power_actual",
        PumpSpeedActual => "pump_speed_actual",
        LimiterTemperature => "limiter_temp",
        HeartbeatEcho => "heartbeat_echo",
        _ => $"input register {register}",
    };
}
