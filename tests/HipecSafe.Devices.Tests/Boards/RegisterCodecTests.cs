using FsCheck;
using FsCheck.Xunit;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Boards;

public class RegisterCodecTests
{
    private static SensorFrame Frame(double inflowA = 42.37, double abdomen1 = 41.5, double pressure = -12.3, double flow = 1500, bool air = false) => new(
        SampleCounter: 65535,
        ChannelFaultBits: 0b1_0000_0000_0001,
        InflowA: Temperature.FromDegreesCelsius(inflowA),
        InflowB: Temperature.FromDegreesCelsius(42.31),
        Outflow: Temperature.FromDegreesCelsius(40.9),
        Abdomen1: Temperature.FromDegreesCelsius(abdomen1),
        Abdomen2: Temperature.FromDegreesCelsius(41.6),
        Abdomen3: Temperature.FromDegreesCelsius(41.7),
        Abdomen4: Temperature.FromDegreesCelsius(-5.5),
        Core: Temperature.FromDegreesCelsius(37.25),
        InflowPressure: Pressure.FromMillimetersOfMercury(pressure),
        Flow: VolumetricFlow.FromMillilitersPerMinute(flow),
        ReservoirVolume: Volume.FromMilliliters(3200),
        AirDetected: air,
        AbdominalPressure: Pressure.FromMillimetersOfMercury(9.8));

    [Fact]
    public void Sensor_frame_encodes_with_the_icd_scaling()
    {
        var registers = RegisterCodec.EncodeSensorFrame(Frame());
        Assert.Equal(SensorBoardRegisters.Count, registers.Length);
        Assert.Equal(65535, registers[SensorBoardRegisters.SampleCounter]);
        Assert.Equal(0x1001, registers[SensorBoardRegisters.ChannelFaultBits]);
        Assert.Equal(4237, registers[SensorBoardRegisters.InflowTemperatureA]); // 42.37 °C in 0.01 °C
        Assert.Equal(0xFDDA, registers[SensorBoardRegisters.AbdomenTemperature4]); // -5.50 °C = -550, two's complement
        Assert.Equal(unchecked((ushort)-123), registers[SensorBoardRegisters.InflowPressure]); // -12.3 mmHg in 0.1 mmHg
        Assert.Equal(1500, registers[SensorBoardRegisters.Flow]);
        Assert.Equal(3200, registers[SensorBoardRegisters.ReservoirVolume]);
        Assert.Equal(0, registers[SensorBoardRegisters.AirDetected]);
        Assert.Equal(98, registers[SensorBoardRegisters.AbdominalPressure]);
    }

    [Fact]
    public void Sensor_frame_round_trips_through_registers()
    {
        var frame = Frame();
        Assert.Equal(frame, RegisterCodec.DecodeSensorFrame(RegisterCodec.EncodeSensorFrame(frame)));
    }

    [Fact]
    public void Channel_fault_bits_map_to_channels()
    {
        var decoded = RegisterCodec.DecodeSensorFrame(RegisterCodec.EncodeSensorFrame(Frame()));
        Assert.True(decoded.IsChannelFaulted(SensorChannel.InflowA));
        Assert.True(decoded.IsChannelFaulted(SensorChannel.AbdominalPressure));
        Assert.False(decoded.IsChannelFaulted(SensorChannel.Core));
        Assert.Equal(SensorBoardRegisters.AbdominalPressure, SensorBoardRegisters.RegisterOf(SensorChannel.AbdominalPressure));
        Assert.Equal(SensorBoardRegisters.InflowTemperatureA, SensorBoardRegisters.RegisterOf(SensorChannel.InflowA));
    }

    [Property(Replay = Seed)]
    public bool Any_valid_sensor_registers_round_trip_exactly(ushort[] raw, bool air, ushort faultBits)
    {
        var registers = new ushort[SensorBoardRegisters.Count];
        raw.AsSpan(0, Math.Min(raw.Length, registers.Length)).CopyTo(registers);
        registers[SensorBoardRegisters.ChannelFaultBits] = (ushort)(faultBits & SensorBoardRegisters.DefinedFaultBits);
        registers[SensorBoardRegisters.AirDetected] = air ? (ushort)1 : (ushort)0;
        return RegisterCodec.EncodeSensorFrame(RegisterCodec.DecodeSensorFrame(registers)).SequenceEqual(registers);
    }

    [Property(Replay = Seed)]
    public bool Any_sensor_frame_on_the_register_steps_round_trips(short t1, short t2, short p, ushort flow, ushort volume, ushort counter, bool air)
    {
        static Temperature T(short counts) => Temperature.FromDegreesCelsius(counts / 100.0);
        var frame = new SensorFrame(counter, (ushort)(counter & SensorBoardRegisters.DefinedFaultBits),
            T(t1), T(t2), T((short)(t1 / 2)), T((short)(t2 / 3)), T((short)-t1), T((short)-t2), T(0), T((short)(t1 ^ t2)),
            Pressure.FromMillimetersOfMercury(p / 10.0), VolumetricFlow.FromMillilitersPerMinute(flow), Volume.FromMilliliters(volume),
            air, Pressure.FromMillimetersOfMercury(-p / 10.0));
        return RegisterCodec.DecodeSensorFrame(RegisterCodec.EncodeSensorFrame(frame)) == frame;
    }

    [Property(Replay = Seed)]
    public bool Any_actuator_command_on_the_register_steps_round_trips(ushort heater, ushort pumpCounts, bool clamp, bool enable, ushort heartbeat)
    {
        var command = new ActuatorCommand(heater % 1001, pumpCounts / 10.0, clamp, enable);
        return RegisterCodec.DecodeActuatorCommand(RegisterCodec.EncodeActuatorCommand(command, heartbeat)) == (command, heartbeat);
    }

    [Property(Replay = Seed)]
    public bool Any_actuator_command_registers_round_trip_exactly(ushort heater, ushort pump, bool clamp, bool enable, ushort heartbeat)
    {
        ushort[] registers = [(ushort)(heater % 1001), pump, clamp ? (ushort)1 : (ushort)0, enable ? (ushort)1 : (ushort)0, heartbeat];
        var (command, beat) = RegisterCodec.DecodeActuatorCommand(registers);
        return RegisterCodec.EncodeActuatorCommand(command, beat).SequenceEqual(registers);
    }

    [Property(Replay = Seed)]
    public bool Any_actuator_feedback_registers_round_trip_exactly(byte status, ushort heater, ushort pump, ushort limiter, ushort echo)
    {
        ushort[] registers = [(ushort)(status & 0x3F), (ushort)(heater % 1001), pump, limiter, echo];
        return RegisterCodec.EncodeActuatorFeedback(RegisterCodec.DecodeActuatorFeedback(registers)).SequenceEqual(registers);
    }

    [Fact]
    public void Actuator_command_encodes_in_holding_register_order()
    {
        var registers = RegisterCodec.EncodeActuatorCommand(new ActuatorCommand(650, 120.4, ClampOpen: true, HeaterEnabled: true), heartbeat: 0xBEEF);
        Assert.Equal(new ushort[] { 650, 1204, 1, 1, 0xBEEF }, registers);
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 3 }, RegisterCodec.EncodeActuatorCommand(ActuatorCommand.Safe, 3));
    }

    [Fact]
    public void Actuator_feedback_decodes_status_bits_and_scaling()
    {
        var feedback = RegisterCodec.DecodeActuatorFeedback([0b10_0110, 650, 1204, 4605, 17]);
        Assert.True(feedback.Has(BoardStatus.LimiterTripped));
        Assert.True(feedback.Has(BoardStatus.HeaterRelayClosed));
        Assert.True(feedback.Has(BoardStatus.PumpMotorFault));
        Assert.False(feedback.Has(BoardStatus.SafeLatchedByWatchdog));
        Assert.Equal(650, feedback.HeaterPowerActualPermille);
        Assert.Equal(120.4, feedback.PumpSpeedActualRpm, 9);
        Assert.Equal(46.05, feedback.LimiterTemperature.DegreesCelsius, 9);
        Assert.Equal(17, feedback.HeartbeatEcho);
    }

    [Theory]
    [InlineData(SensorBoardRegisters.AirDetected, 2, "register 13 air_detected = 2, must be 0 or 1")]
    [InlineData(SensorBoardRegisters.ChannelFaultBits, 0x8000, "channel_fault_bits = 0x8000 sets bits outside 0x1FFF")]
    public void Undefined_sensor_register_values_are_refused_by_name(ushort register, ushort value, string message)
    {
        var registers = new ushort[SensorBoardRegisters.Count];
        registers[register] = value;
        Assert.False(RegisterCodec.TryDecodeSensorFrame(registers, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_number_of_registers_is_refused()
    {
        Assert.False(RegisterCodec.TryDecodeSensorFrame(new ushort[14], out _, out var error));
        Assert.Contains("got 14 registers, expected 15", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RegisterCodec.DecodeActuatorFeedback(new ushort[4]));
    }

    [Theory]
    [InlineData(new ushort[] { 1001, 0, 0, 0, 0 }, "heater_power_cmd = 1001")]
    [InlineData(new ushort[] { 0, 0, 2, 0, 0 }, "inflow_clamp_cmd = 2, must be 0 or 1")]
    [InlineData(new ushort[] { 0, 0, 0, 7, 0 }, "heater_enable = 7, must be 0 or 1")]
    public void Undefined_actuator_command_values_are_refused_by_name(ushort[] registers, string message)
    {
        Assert.False(RegisterCodec.TryDecodeActuatorCommand(registers, out _, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_status_bits_in_feedback_are_refused()
    {
        Assert.False(RegisterCodec.TryDecodeActuatorFeedback([0x0040, 0, 0, 0, 0], out _, out var error));
        Assert.Contains("board_status = 0x0040 sets undefined bits", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(327.68, "t_inflow_a = 327.68 °C is outside -327.68..327.67 °C")]
    [InlineData(double.NaN, "t_inflow_a = NaN °C is not a finite number")]
    public void Temperatures_a_register_cannot_hold_are_refused_not_saturated(double celsius, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeSensorFrame(Frame(inflowA: celsius)));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_flow_and_out_of_range_commands_are_refused()
    {
        Assert.Contains("flow = -1 mL/min is outside 0..65535", Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeSensorFrame(Frame(flow: -1))).Message, StringComparison.Ordinal);
        Assert.Contains("heater_power_cmd 1001", Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeActuatorCommand(new ActuatorCommand(1001, 0, false, false), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("pump_speed_cmd = -3", Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeActuatorCommand(new ActuatorCommand(0, -3, false, false), 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_round_to_the_nearest_register_step()
    {
        var registers = RegisterCodec.EncodeSensorFrame(Frame(inflowA: 42.374, abdomen1: 42.375));
        Assert.Equal(4237, registers[SensorBoardRegisters.InflowTemperatureA]);
        Assert.Equal(4238, registers[SensorBoardRegisters.AbdomenTemperature1]);
    }

    [Theory]
    [InlineData(ActuatorBoardRegisters.HeaterPowerCommand, 1000, null)]
    [InlineData(ActuatorBoardRegisters.HeaterPowerCommand, 1001, "heater_power_cmd 1001")]
    [InlineData(ActuatorBoardRegisters.HeaterEnable, 2, "heater_enable = 2")]
    [InlineData(ActuatorBoardRegisters.LatchReset, 0x5AFE, null)]
    [InlineData(ActuatorBoardRegisters.LatchReset, 0x1234, "only 0x5AFE")]
    [InlineData(ActuatorBoardRegisters.Heartbeat, 0xFFFF, null)]
    [InlineData(6, 0, "does not exist")]
    public void Holding_value_check_for_emulated_boards(ushort register, ushort value, string? message)
    {
        var problem = RegisterCodec.CheckActuatorHoldingValue(register, value);
        if (message is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(message, problem, StringComparison.Ordinal);
        }
    }
}
