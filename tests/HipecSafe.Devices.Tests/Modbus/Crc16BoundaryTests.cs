using HipecSafe.Devices.Modbus;
using static HipecSafe.Devices.Tests.TestBytes;

namespace HipecSafe.Devices.Tests.Modbus;

public class Crc16BoundaryTests
{
    [Fact]
    public void The_carried_crc_of_a_two_byte_frame_is_read_low_byte_first()
    {
        Assert.Equal(0x1234, Crc16.Carried(Hex("34 12")));
    }

    [Fact]
    public void A_frame_too_short_to_carry_a_crc_reports_zero_instead_of_failing()
    {
        Assert.Equal(0, Crc16.Carried(Hex("34")));
        Assert.Equal(0, Crc16.Carried([]));
    }
}
