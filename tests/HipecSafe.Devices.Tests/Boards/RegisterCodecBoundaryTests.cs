using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;

namespace HipecSafe.Devices.Tests.Boards;

/// <summary>Register codec at the edges of each register: the extreme values it can hold, and the errors just past them.</summary>
public class RegisterCodecBoundaryTests
{
    private static readonly SensorFrame Nominal = new(
        SampleCounter: 1,
        ChannelFaultBits: 0,
        InflowA: Temperature.FromDegreesCelsius(42),
        InflowB: Temperature.FromDegreesCelsius(42),
        Outflow: Temperature.FromDegreesCelsius(41),
        Abdomen1: Temperature.FromDegreesCelsius(41.5),
        Abdomen2: Temperature.FromDegreesCelsius(41.5),
        Abdomen3: Temperature.FromDegreesCelsius(41.5),
        Abdomen4: Temperature.FromDegreesCelsius(41.5),
        Core: Temperature.FromDegreesCelsius(37),
        InflowPressure: Pressure.FromMillimetersOfMercury(20),
        Flow: VolumetricFlow.FromMillilitersPerMinute(1500),
        ReservoirVolume: Volume.FromMilliliters(3000),
        AirDetected: false,
        AbdominalPressure: Pressure.FromMillimetersOfMercury(10));

    private static ActuatorFeedback Feedback(BoardStatus status = BoardStatus.PumpRunning, int heater = 500) =>
        new(status, heater, 120, Temperature.FromDegreesCelsius(45), 7);

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => RegisterCodec.EncodeSensorFrame(null!));
        Assert.Throws<ArgumentNullException>(() => RegisterCodec.EncodeActuatorCommand(null!, 0));
        Assert.Throws<ArgumentNullException>(() => RegisterCodec.EncodeActuatorFeedback(null!));
    }

    [Fact]
    public void The_extreme_temperatures_of_a_signed_register_are_encoded()
    {
        var registers = RegisterCodec.EncodeSensorFrame(Nominal with
        {
            InflowA = Temperature.FromDegreesCelsius(327.67),
            InflowB = Temperature.FromDegreesCelsius(-327.68),
        });
        Assert.Equal(0x7FFF, registers[SensorBoardRegisters.InflowTemperatureA]);
        Assert.Equal(0x8000, registers[SensorBoardRegisters.InflowTemperatureB]);
    }

    [Fact]
    public void A_temperature_below_the_signed_range_is_refused_naming_range_and_step()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeSensorFrame(Nominal with { Core = Temperature.FromDegreesCelsius(-327.69) }));
        Assert.Contains("is outside -327.68..327.67 °C (signed 16-bit register, step 0.01)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_flow_an_unsigned_register_holds_is_encoded()
    {
        var registers = RegisterCodec.EncodeSensorFrame(Nominal with { Flow = VolumetricFlow.FromMillilitersPerMinute(65535) });
        Assert.Equal(65535, registers[SensorBoardRegisters.Flow]);
    }

    [Fact]
    public void A_pump_speed_past_the_unsigned_range_is_refused_naming_range_and_step()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeActuatorCommand(new ActuatorCommand(0, 6553.6, false, false), 0));
        Assert.Contains("is outside 0..6553.5 rpm (unsigned 16-bit register, step 0.1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channel_fault_bits_outside_the_defined_channels_are_refused_when_encoding()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeSensorFrame(Nominal with { ChannelFaultBits = 0x2000 }));
        Assert.Contains("channel_fault_bits 0x2000 sets bits outside 0x1FFF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_heater_power_1000_permille_is_encoded_in_commands_and_feedback()
    {
        Assert.Equal(1000, RegisterCodec.EncodeActuatorCommand(new ActuatorCommand(1000, 0, false, true), 0)[ActuatorBoardRegisters.HeaterPowerCommand]);
        Assert.Equal(1000, RegisterCodec.EncodeActuatorFeedback(Feedback(heater: 1000))[ActuatorBoardRegisters.HeaterPowerActual]);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(-1)]
    public void Feedback_heater_power_outside_0_to_1000_is_refused_when_encoding(int permille)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeActuatorFeedback(Feedback(heater: permille)));
        Assert.Contains($"heater_power_actual {permille} ‰ is outside 0..1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_board_status_bits_are_refused_when_encoding()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegisterCodec.EncodeActuatorFeedback(Feedback(status: (BoardStatus)0x0040)));
        Assert.Contains("board_status 0x0040 sets undefined bits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_with_full_heater_power_1000_permille_decodes()
    {
        Assert.True(RegisterCodec.TryDecodeActuatorFeedback([0, 1000, 0, 0, 0], out var feedback, out var error), error);
        Assert.Equal(1000, feedback.HeaterPowerActualPermille);
        Assert.False(RegisterCodec.TryDecodeActuatorFeedback([0, 1001, 0, 0, 0], out _, out error));
        Assert.Contains("heater_power_actual = 1001 ‰, must be 0..1000", error, StringComparison.Ordinal);
    }
}
