using HipecSafe.Devices.Modbus;

namespace HipecSafe.Devices.Tests.Modbus;

public class SerialLineTimingTests
{
    [Fact]
    public void Above_19200_baud_the_spec_fixes_t35_at_1750_us_and_t15_at_750_us()
    {
        var timing = new SerialLineTiming(115200);
        Assert.Equal(TimeSpan.FromMicroseconds(1750), timing.InterFrameSilence);
        Assert.Equal(TimeSpan.FromMicroseconds(750), timing.InterCharacterTimeout);
    }

    [Fact]
    public void At_9600_baud_t35_is_three_and_a_half_11_bit_characters()
    {
        var timing = new SerialLineTiming(9600);
        // 11 bits / 9600 baud = 1.1458 ms per character; × 3.5 = 4.0104 ms
        Assert.InRange(timing.InterFrameSilence.TotalMilliseconds, 4.010, 4.011);
        Assert.InRange(timing.CharacterTime.TotalMilliseconds, 1.145, 1.146);
    }

    [Fact]
    public void Wire_time_scales_with_the_number_of_characters()
    {
        var timing = new SerialLineTiming(115200);
        Assert.Equal(timing.CharacterTime * 35, timing.WireTime(35));
    }

    [Fact]
    public void A_non_positive_baud_rate_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SerialLineTiming(0));
    }
}
