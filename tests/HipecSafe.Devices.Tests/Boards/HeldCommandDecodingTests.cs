using HipecSafe.Core.Actuators;
using HipecSafe.Devices.Boards;

namespace HipecSafe.Devices.Tests.Boards;

/// <summary>
/// Holding registers 0..4 read back with FC 0x03 → <see cref="HeldCommand"/>. Scaling from docs/icd.md:
/// heater_power_cmd ‰ (0..1000), pump_speed_cmd 0.1 rpm, inflow_clamp_cmd and heater_enable 0/1, heartbeat any value.
/// </summary>
public class HeldCommandDecodingTests
{
    [Fact]
    public void Registers_0_to_4_decode_with_the_icd_scaling()
    {
        var held = RegisterCodec.DecodeHeldCommand([650, 1204, 1, 0, 0xBEEF]);

        Assert.Equal(new HeldCommand(new ActuatorCommand(650, 120.4, ClampOpen: true, HeaterEnabled: false), 0xBEEF), held);
    }

    [Fact]
    public void A_latched_board_reads_back_as_the_safe_command_with_its_heartbeat()
    {
        var held = RegisterCodec.DecodeHeldCommand([0, 0, 0, 0, 41]);

        Assert.Equal(ActuatorCommand.Safe, held.Command);
        Assert.Equal(41, held.Heartbeat);
    }

    [Fact]
    public void The_extremes_the_board_can_hold_decode()
    {
        var held = RegisterCodec.DecodeHeldCommand([1000, 65535, 1, 1, 65535]);

        Assert.Equal(new HeldCommand(new ActuatorCommand(1000, 6553.5, ClampOpen: true, HeaterEnabled: true), 65535), held);
    }

    [Theory]
    [InlineData(new ushort[] { 1001, 0, 0, 0, 0 }, "register 0", "heater_power_cmd 1001")]
    [InlineData(new ushort[] { 0, 0, 2, 0, 0 }, "register 2", "inflow_clamp_cmd = 2")]
    [InlineData(new ushort[] { 0, 0, 0, 7, 0 }, "register 3", "heater_enable = 7")]
    public void A_value_the_board_could_not_hold_is_a_decode_error_naming_register_and_value(ushort[] registers, string register, string value)
    {
        Assert.False(RegisterCodec.TryDecodeHeldCommand(registers, out var held, out var error));

        Assert.Null(held);
        Assert.Contains(register, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RegisterCodec.DecodeHeldCommand(registers));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Anything_but_five_registers_is_refused(int count)
    {
        Assert.False(RegisterCodec.TryDecodeHeldCommand(new ushort[count], out _, out var error));
        Assert.Contains($"got {count} registers, expected 5", error, StringComparison.Ordinal);
    }
}
