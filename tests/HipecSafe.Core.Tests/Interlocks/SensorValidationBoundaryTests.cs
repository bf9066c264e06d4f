using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>Sensor validation details: the rate reference, how fault details are joined, inflow selection's choices.</summary>
public class SensorValidationBoundaryTests
{
    private static ValidatorRig Validator() => new(SensorValidationLimits.For(Limits));

    private static ValidatedFrame Validated(SensorFrame frame, params (SensorChannel Channel, ChannelFaults Faults, string Detail)[] faulted)
    {
        var faults = new ChannelFaults[ChannelValue.All.Count];
        var details = Enumerable.Repeat("", ChannelValue.All.Count).ToArray();
        foreach (var (channel, f, detail) in faulted)
        {
            faults[(int)channel] = f;
            details[(int)channel] = detail;
        }

        return new ValidatedFrame(TimeSpan.Zero, frame, faults, details, TimeSpan.Zero, isStale: false);
    }

    [Fact]
    public void An_out_of_range_reading_does_not_become_the_rate_reference()
    {
        var validator = Validator();
        var frame = Nominal();
        validator.Validate(TimeSpan.Zero, frame);
        // 10 s later a 61 °C reading: within the rate allowance (2 °C/s) but outside the 0–60 °C range.
        var spike = validator.Validate(TimeSpan.FromSeconds(10), frame with { SampleCounter = 2, Abdomen1 = T(61) });
        Assert.Equal(ChannelFaults.OutOfRange, spike.FaultsOf(SensorChannel.Abdomen1));

        var back = validator.Validate(TimeSpan.FromSeconds(10.1), frame with { SampleCounter = 3 });
        Assert.True(back.IsValid(SensorChannel.Abdomen1), back.DetailOf(SensorChannel.Abdomen1));
    }

    [Fact]
    public void Several_faults_of_one_channel_are_joined_with_semicolons_and_a_single_one_stands_alone()
    {
        var validator = Validator();
        var frame = Nominal() with { Abdomen1 = T(61), Abdomen2 = T(61), ChannelFaultBits = Bit(SensorChannel.Abdomen1) };
        var validated = validator.Validate(TimeSpan.Zero, frame);
        Assert.Equal("sensor board reports the channel open, shorted or out of range; 61.00 °C outside 0–60 °C", validated.DetailOf(SensorChannel.Abdomen1));
        Assert.Equal("61.00 °C outside 0–60 °C", validated.DetailOf(SensorChannel.Abdomen2));
    }

    [Fact]
    public void Two_samples_at_the_same_time_are_accepted()
    {
        var validator = Validator();
        validator.Validate(TimeSpan.FromSeconds(1), Nominal());
        Assert.True(validator.Validate(TimeSpan.FromSeconds(1), Nominal()).IsValid(SensorChannel.Core));
    }

    [Fact]
    public void Equal_inflow_readings_select_probe_A()
    {
        var reading = InflowSelection.Select(Validated(Nominal() with { InflowA = T(43), InflowB = T(43) }));
        Assert.Equal(SensorChannel.InflowA, reading.Channel);
    }

    [Fact]
    public void With_probe_A_faulted_the_basis_names_B_as_the_one_used()
    {
        var reading = InflowSelection.Select(Validated(Nominal(), (SensorChannel.InflowA, ChannelFaults.BoardFlagged, "open")));
        Assert.Equal(SensorChannel.InflowB, reading.Channel);
        Assert.Equal("B only (A: open)", reading.Basis);
    }

    [Fact]
    public void A_validated_frame_needs_one_fault_and_one_detail_per_channel()
    {
        var count = ChannelValue.All.Count;
        Assert.Throws<ArgumentException>(() => new ValidatedFrame(TimeSpan.Zero, null, new ChannelFaults[count], new string[count - 1], TimeSpan.Zero, false));
        Assert.Throws<ArgumentException>(() => new ValidatedFrame(TimeSpan.Zero, null, new ChannelFaults[count + 1], new string[count], TimeSpan.Zero, false));
    }

    [Fact]
    public void A_channel_number_past_the_last_channel_is_refused()
    {
        var validated = Validated(Nominal());
        Assert.Throws<ArgumentOutOfRangeException>(() => validated.FaultsOf((SensorChannel)ChannelValue.All.Count));
    }
    [Fact]
    public void Only_temperature_channels_have_a_temperature()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelValue.TemperatureOf(Nominal(), SensorChannel.Flow));
    }

    [Fact]
    public void A_range_without_unit_has_no_trailing_space()
    {
        Assert.Equal("0–60", new PlausibleRange(0, 60).Describe(""));
        Assert.Equal("0–60 °C", new PlausibleRange(0, 60).Describe("°C"));
    }
}
