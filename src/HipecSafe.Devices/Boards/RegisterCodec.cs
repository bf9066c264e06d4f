using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Devices.Boards;

/// <summary>
/// Board values ⇄ registers, both directions (docs/icd.md scaling): the controller decodes sensor frames and
/// actuator feedback and encodes commands; the HIL board emulators do the opposite. Encoding rounds to the
/// register's step and refuses a value the register cannot hold; decoding refuses register values the ICD does not
/// define. Every error names the register and the bound.
/// </summary>
public static class RegisterCodec
{
    // ---- Sensor board: input registers 0..14 ⇄ SensorFrame ----

    public static ushort[] EncodeSensorFrame(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if ((frame.ChannelFaultBits & ~SensorBoardRegisters.DefinedFaultBits) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame.ChannelFaultBits, Invariant(
                $"channel_fault_bits 0x{frame.ChannelFaultBits:X4} sets bits outside 0x{SensorBoardRegisters.DefinedFaultBits:X4} (no such channel)"));
        }

        return
        [
            frame.SampleCounter,
            frame.ChannelFaultBits,
            EncodeTemperature(frame.InflowA, SensorBoardRegisters.InflowTemperatureA),
            EncodeTemperature(frame.InflowB, SensorBoardRegisters.InflowTemperatureB),
            EncodeTemperature(frame.Outflow, SensorBoardRegisters.OutflowTemperature),
            EncodeTemperature(frame.Abdomen1, SensorBoardRegisters.AbdomenTemperature1),
            EncodeTemperature(frame.Abdomen2, SensorBoardRegisters.AbdomenTemperature2),
            EncodeTemperature(frame.Abdomen3, SensorBoardRegisters.AbdomenTemperature3),
            EncodeTemperature(frame.Abdomen4, SensorBoardRegisters.AbdomenTemperature4),
            EncodeTemperature(frame.Core, SensorBoardRegisters.CoreTemperature),
            EncodeSigned(frame.InflowPressure.MillimetersOfMercury, SensorBoardRegisters.CountsPerMmHg, SensorBoardRegisters.NameOf(SensorBoardRegisters.InflowPressure), "mmHg"),
            EncodeUnsigned(frame.Flow.MillilitersPerMinute, 1, SensorBoardRegisters.NameOf(SensorBoardRegisters.Flow), "mL/min"),
            EncodeUnsigned(frame.ReservoirVolume.Milliliters, 1, SensorBoardRegisters.NameOf(SensorBoardRegisters.ReservoirVolume), "mL"),
            frame.AirDetected ? (ushort)1 : (ushort)0,
            EncodeSigned(frame.AbdominalPressure.MillimetersOfMercury, SensorBoardRegisters.CountsPerMmHg, SensorBoardRegisters.NameOf(SensorBoardRegisters.AbdominalPressure), "mmHg"),
        ];
    }

    public static bool TryDecodeSensorFrame(ReadOnlySpan<ushort> registers, [NotNullWhen(true)] out SensorFrame? frame, [NotNullWhen(false)] out string? error)
    {
        frame = null;
        if (!HasCount(registers, SensorBoardRegisters.Count, "sensor board input registers", out error))
        {
            return false;
        }

        var faultBits = registers[SensorBoardRegisters.ChannelFaultBits];
        if ((faultBits & ~SensorBoardRegisters.DefinedFaultBits) != 0)
        {
            error = Invariant($"register 1 channel_fault_bits = 0x{faultBits:X4} sets bits outside 0x{SensorBoardRegisters.DefinedFaultBits:X4} (no such channel)");
            return false;
        }

        if (!IsFlag(registers, SensorBoardRegisters.AirDetected, SensorBoardRegisters.NameOf(SensorBoardRegisters.AirDetected), out var air, out error))
        {
            return false;
        }

        frame = new SensorFrame(
            registers[SensorBoardRegisters.SampleCounter],
            faultBits,
            DecodeTemperature(registers[SensorBoardRegisters.InflowTemperatureA]),
            DecodeTemperature(registers[SensorBoardRegisters.InflowTemperatureB]),
            DecodeTemperature(registers[SensorBoardRegisters.OutflowTemperature]),
            DecodeTemperature(registers[SensorBoardRegisters.AbdomenTemperature1]),
            DecodeTemperature(registers[SensorBoardRegisters.AbdomenTemperature2]),
            DecodeTemperature(registers[SensorBoardRegisters.AbdomenTemperature3]),
            DecodeTemperature(registers[SensorBoardRegisters.AbdomenTemperature4]),
            DecodeTemperature(registers[SensorBoardRegisters.CoreTemperature]),
            Pressure.FromMillimetersOfMercury((short)registers[SensorBoardRegisters.InflowPressure] / SensorBoardRegisters.CountsPerMmHg),
            VolumetricFlow.FromMillilitersPerMinute(registers[SensorBoardRegisters.Flow]),
            Volume.FromMilliliters(registers[SensorBoardRegisters.ReservoirVolume]),
            air,
            Pressure.FromMillimetersOfMercury((short)registers[SensorBoardRegisters.AbdominalPressure] / SensorBoardRegisters.CountsPerMmHg));
        return true;
    }

    public static SensorFrame DecodeSensorFrame(ReadOnlySpan<ushort> registers) =>
        TryDecodeSensorFrame(registers, out var frame, out var error) ? frame : throw new FormatException(error);

    // ---- Actuator board: holding registers 0..4 ⇄ ActuatorCommand + heartbeat ----

    public static ushort[] EncodeActuatorCommand(ActuatorCommand command, ushort heartbeat)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.HeaterPowerPermille is < 0 or > ActuatorBoardRegisters.MaxHeaterPermille)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.HeaterPowerPermille,
                Invariant($"heater_power_cmd {command.HeaterPowerPermille} ‰ is outside 0..{ActuatorBoardRegisters.MaxHeaterPermille}"));
        }

        return
        [
            (ushort)command.HeaterPowerPermille,
            EncodeUnsigned(command.PumpSpeedRpm, ActuatorBoardRegisters.CountsPerRpm, ActuatorBoardRegisters.HoldingNameOf(ActuatorBoardRegisters.PumpSpeedCommand), "rpm"),
            command.ClampOpen ? (ushort)1 : (ushort)0,
            command.HeaterEnabled ? (ushort)1 : (ushort)0,
            heartbeat,
        ];
    }

    public static bool TryDecodeActuatorCommand(
        ReadOnlySpan<ushort> registers,
        [NotNullWhen(true)] out ActuatorCommand? command,
        out ushort heartbeat,
        [NotNullWhen(false)] out string? error)
    {
        command = null;
        heartbeat = 0;
        if (!HasCount(registers, ActuatorBoardRegisters.CommandCount, "actuator command holding registers", out error)
            || !IsPermille(registers, ActuatorBoardRegisters.HeaterPowerCommand, ActuatorBoardRegisters.HoldingNameOf(ActuatorBoardRegisters.HeaterPowerCommand), out error)
            || !IsFlag(registers, ActuatorBoardRegisters.InflowClampCommand, ActuatorBoardRegisters.HoldingNameOf(ActuatorBoardRegisters.InflowClampCommand), out var clampOpen, out error)
            || !IsFlag(registers, ActuatorBoardRegisters.HeaterEnable, ActuatorBoardRegisters.HoldingNameOf(ActuatorBoardRegisters.HeaterEnable), out var heaterEnabled, out error))
        {
            return false;
        }

        command = new ActuatorCommand(
            registers[ActuatorBoardRegisters.HeaterPowerCommand],
            registers[ActuatorBoardRegisters.PumpSpeedCommand] / ActuatorBoardRegisters.CountsPerRpm,
            clampOpen,
            heaterEnabled);
        heartbeat = registers[ActuatorBoardRegisters.Heartbeat];
        return true;
    }

    public static (ActuatorCommand Command, ushort Heartbeat) DecodeActuatorCommand(ReadOnlySpan<ushort> registers) =>
        TryDecodeActuatorCommand(registers, out var command, out var heartbeat, out var error) ? (command, heartbeat) : throw new FormatException(error);

    /// <summary>
    /// Holding registers 0..4 read back with FC 0x03: the command and heartbeat the board holds. A register value the
    /// board would refuse to take (<see cref="CheckActuatorHoldingValue"/>) cannot be what it holds, so it is a decode
    /// error naming the register and the value.
    /// </summary>
    public static bool TryDecodeHeldCommand(ReadOnlySpan<ushort> registers, [NotNullWhen(true)] out HeldCommand? held, [NotNullWhen(false)] out string? error)
    {
        held = null;
        if (!HasCount(registers, ActuatorBoardRegisters.CommandCount, "actuator holding registers read back", out error))
        {
            return false;
        }

        for (ushort register = 0; register < ActuatorBoardRegisters.CommandCount; register++)
        {
            if (CheckActuatorHoldingValue(register, registers[register]) is { } refused)
            {
                error = Invariant($"register {register} read back: {refused}");
                return false;
            }
        }

        if (!TryDecodeActuatorCommand(registers, out var command, out var heartbeat, out error))
        {
            return false;
        }

        held = new HeldCommand(command, heartbeat);
        return true;
    }

    public static HeldCommand DecodeHeldCommand(ReadOnlySpan<ushort> registers) =>
        TryDecodeHeldCommand(registers, out var held, out var error) ? held : throw new FormatException(error);

    /// <summary>
    /// Whether <paramref name="value"/> may be written to actuator holding register <paramref name="register"/>
    /// (what an emulated board answers 0x03 to). Null = legal; otherwise why not.
    /// </summary>
    public static string? CheckActuatorHoldingValue(ushort register, ushort value) => register switch
    {
        ActuatorBoardRegisters.HeaterPowerCommand when value > ActuatorBoardRegisters.MaxHeaterPermille =>
            Invariant($"heater_power_cmd {value} ‰ is outside 0..{ActuatorBoardRegisters.MaxHeaterPermille}"),
        ActuatorBoardRegisters.InflowClampCommand or ActuatorBoardRegisters.HeaterEnable when value > 1 =>
            Invariant($"{ActuatorBoardRegisters.HoldingNameOf(register)} = {value}, must be 0 or 1"),
        ActuatorBoardRegisters.LatchReset when value != ActuatorBoardRegisters.LatchResetKey =>
            Invariant($"latch_reset = 0x{value:X4}, only 0x{ActuatorBoardRegisters.LatchResetKey:X4} is accepted"),
        >= ActuatorBoardRegisters.HoldingCount => Invariant($"holding register {register} does not exist"),
        _ => null,
    };

    // ---- Actuator board: input registers 0..4 ⇄ ActuatorFeedback ----

    public static ushort[] EncodeActuatorFeedback(ActuatorFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (((ushort)feedback.Status & ~(ushort)AllStatusBits) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(feedback), feedback.Status,
                Invariant($"board_status 0x{(ushort)feedback.Status:X4} sets undefined bits (defined: 0x{(ushort)AllStatusBits:X4})"));
        }

        if (feedback.HeaterPowerActualPermille is < 0 or > ActuatorBoardRegisters.MaxHeaterPermille)
        {
            throw new ArgumentOutOfRangeException(nameof(feedback), feedback.HeaterPowerActualPermille,
                Invariant($"heater_power_actual {feedback.HeaterPowerActualPermille} ‰ is outside 0..{ActuatorBoardRegisters.MaxHeaterPermille}"));
        }

        return
        [
            (ushort)feedback.Status,
            (ushort)feedback.HeaterPowerActualPermille,
            EncodeUnsigned(feedback.PumpSpeedActualRpm, ActuatorBoardRegisters.CountsPerRpm, ActuatorBoardRegisters.InputNameOf(ActuatorBoardRegisters.PumpSpeedActual), "rpm"),
            EncodeSigned(feedback.LimiterTemperature.DegreesCelsius, ActuatorBoardRegisters.CountsPerDegreeCelsius, ActuatorBoardRegisters.InputNameOf(ActuatorBoardRegisters.LimiterTemperature), "°C"),
            feedback.HeartbeatEcho,
        ];
    }

    public static bool TryDecodeActuatorFeedback(ReadOnlySpan<ushort> registers, [NotNullWhen(true)] out ActuatorFeedback? feedback, [NotNullWhen(false)] out string? error)
    {
        feedback = null;
        if (!HasCount(registers, ActuatorBoardRegisters.InputCount, "actuator board input registers", out error)
            || !IsPermille(registers, ActuatorBoardRegisters.HeaterPowerActual, ActuatorBoardRegisters.InputNameOf(ActuatorBoardRegisters.HeaterPowerActual), out error))
        {
            return false;
        }

        var status = registers[ActuatorBoardRegisters.BoardStatusWord];
        if ((status & ~(ushort)AllStatusBits) != 0)
        {
            error = Invariant($"register 0 board_status = 0x{status:X4} sets undefined bits (defined: 0x{(ushort)AllStatusBits:X4})");
            return false;
        }

        feedback = new ActuatorFeedback(
            (BoardStatus)status,
            registers[ActuatorBoardRegisters.HeaterPowerActual],
            registers[ActuatorBoardRegisters.PumpSpeedActual] / ActuatorBoardRegisters.CountsPerRpm,
            DecodeTemperature(registers[ActuatorBoardRegisters.LimiterTemperature]),
            registers[ActuatorBoardRegisters.HeartbeatEcho]);
        return true;
    }

    public static ActuatorFeedback DecodeActuatorFeedback(ReadOnlySpan<ushort> registers) =>
        TryDecodeActuatorFeedback(registers, out var feedback, out var error) ? feedback : throw new FormatException(error);

    // ---- Scalars ----

    /// <summary>Signed 0.01 °C.</summary>
    public static Temperature DecodeTemperature(ushort register) =>
        Temperature.FromDegreesCelsius((short)register / SensorBoardRegisters.CountsPerDegreeCelsius);

    private static readonly BoardStatus AllStatusBits = Enum.GetValues<BoardStatus>().Aggregate(BoardStatus.None, (all, bit) => all | bit);

    private static ushort EncodeTemperature(Temperature value, ushort register) =>
        EncodeSigned(value.DegreesCelsius, SensorBoardRegisters.CountsPerDegreeCelsius, SensorBoardRegisters.NameOf(register), "°C");

    private static ushort EncodeSigned(double value, double countsPerUnit, string field, string unit)
    {
        var raw = Scale(value, countsPerUnit, field, unit);
        if (raw is < short.MinValue or > short.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, Invariant(
                $"{field} = {value} {unit} is outside {short.MinValue / countsPerUnit}..{short.MaxValue / countsPerUnit} {unit} (signed 16-bit register, step {1 / countsPerUnit})"));
        }

        return unchecked((ushort)(short)raw);
    }

    private static ushort EncodeUnsigned(double value, double countsPerUnit, string field, string unit)
    {
        var raw = Scale(value, countsPerUnit, field, unit);
        if (raw is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, Invariant(
                $"{field} = {value} {unit} is outside 0..{ushort.MaxValue / countsPerUnit} {unit} (unsigned 16-bit register, step {1 / countsPerUnit})"));
        }

        return (ushort)raw;
    }

    // Counts per unit are integers (100, 10, 1): value × counts rounds cleanly, and counts ÷ counts-per-unit on the
    // way back gives the nearest double to the decimal value, so decode(encode(x)) == x for values on the step.
    private static double Scale(double value, double countsPerUnit, string field, string unit) => double.IsFinite(value)
        ? Math.Round(value * countsPerUnit, MidpointRounding.AwayFromZero)
        : throw new ArgumentOutOfRangeException(nameof(value), value, Invariant($"{field} = {value} {unit} is not a finite number"));

    private static bool HasCount(ReadOnlySpan<ushort> registers, int count, string what, [NotNullWhen(false)] out string? error)
    {
        error = registers.Length == count ? null : Invariant($"{what}: got {registers.Length} registers, expected {count}");
        return error is null;
    }

    private static bool IsFlag(ReadOnlySpan<ushort> registers, ushort register, string name, out bool flag, [NotNullWhen(false)] out string? error)
    {
        var value = registers[register];
        flag = value == 1;
        error = value <= 1 ? null : Invariant($"register {register} {name} = {value}, must be 0 or 1");
        return error is null;
    }

    private static bool IsPermille(ReadOnlySpan<ushort> registers, ushort register, string name, [NotNullWhen(false)] out string? error)
    {
        var value = registers[register];
        error = value <= ActuatorBoardRegisters.MaxHeaterPermille
            ? null
            : Invariant($"register {register} {name} = {value} ‰, must be 0..{ActuatorBoardRegisters.MaxHeaterPermille}");
        return error is null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
