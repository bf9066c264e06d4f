using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class AbdominalSelectionTests
{
    private readonly ValidatorRig _validator = new(SensorValidationLimits.For(Limits));

    [Fact]
    [Verifies("SRS-IL-035")]
    public void Three_valid_probes_are_enough_for_control_and_the_hottest_is_used()
    {
        var frame = Nominal() with
        {
            ChannelFaultBits = Bit(SensorChannel.Abdomen4),
            Abdomen2 = T(42.6),
            Abdomen4 = T(50.0),
        };

        var reading = AbdominalSelection.Select(_validator.Validate(TimeSpan.Zero, frame));

        Assert.Equal(3, reading.ValidProbes);
        Assert.True(reading.SufficientForControl);
        Assert.Equal(T(42.6), reading.Hottest);
    }

    [Fact]
    [Verifies("SRS-IL-035")]
    public void Two_valid_probes_are_not_enough_for_control()
    {
        var frame = Nominal() with { ChannelFaultBits = (ushort)(Bit(SensorChannel.Abdomen1) | Bit(SensorChannel.Abdomen3)) };

        var reading = AbdominalSelection.Select(_validator.Validate(TimeSpan.Zero, frame));

        Assert.Equal(2, reading.ValidProbes);
        Assert.False(reading.SufficientForControl);
        Assert.Null(reading.Hottest);
        Assert.Equal(3, AbdominalSelection.MinimumValidProbes);
    }

    [Fact]
    [Verifies("SRS-IL-035")]
    public void A_suspect_probe_reading_hotter_than_the_valid_ones_is_used()
    {
        _validator.Validate(TimeSpan.Zero, Nominal() with { SampleCounter = 1 });

        var reading = AbdominalSelection.Select(_validator.Validate(Ms(100), Nominal() with { SampleCounter = 2, Abdomen3 = T(43.0) }));

        Assert.Equal(3, reading.ValidProbes);
        Assert.Equal(T(43.0), reading.Hottest);
    }
}
