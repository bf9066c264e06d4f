using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

public class SensorValidatorTests
{
    private readonly ValidatorRig _validator = new(SensorValidationLimits.For(Limits));
    private ushort _counter;

    private ValidatedFrame Validate(double ms, SensorFrame frame, bool fresh = true)
    {
        if (fresh)
        {
            _counter++;
        }

        return _validator.Validate(Ms(ms), frame with { SampleCounter = _counter });
    }

    [Fact]
    public void A_nominal_frame_is_valid_on_every_channel()
    {
        var v = Validate(0, Nominal());

        Assert.All(ChannelValue.All, c => Assert.True(v.IsValid(c), $"{c}: {v.DetailOf(c)}"));
        Assert.Equal(4, v.ValidAbdominalProbeCount);
    }

    [Theory]
    [Verifies("SRS-IL-030")]
    [InlineData(60.0, true)]
    [InlineData(60.01, false)]
    [InlineData(0.0, true)]
    [InlineData(-0.01, false)]
    [InlineData(double.NaN, false)]
    public void Temperature_outside_0_to_60_C_is_out_of_range(double celsius, bool valid)
    {
        var v = Validate(0, Nominal() with { Core = T(celsius) });

        Assert.Equal(valid, v.IsValid(SensorChannel.Core));
        Assert.Equal(valid ? ChannelFaults.None : ChannelFaults.OutOfRange, v.FaultsOf(SensorChannel.Core));
        Assert.Equal(valid, v.IsMeasurement(SensorChannel.Core));
        if (!valid)
        {
            Assert.Contains("outside 0–60 °C", v.DetailOf(SensorChannel.Core), StringComparison.Ordinal);
        }
    }

    [Theory]
    [Verifies("SRS-IL-030")]
    [InlineData(SensorChannel.InflowPressure, 1500.0, true)]
    [InlineData(SensorChannel.InflowPressure, 1500.1, false)]
    [InlineData(SensorChannel.InflowPressure, -200.1, false)]
    [InlineData(SensorChannel.Flow, 5000.0, true)]
    [InlineData(SensorChannel.Flow, -50.1, false)]
    [InlineData(SensorChannel.ReservoirVolume, -1.0, false)]
    [InlineData(SensorChannel.ReservoirVolume, 5000.1, false)]
    [InlineData(SensorChannel.AbdominalPressure, 100.1, false)]
    public void Circuit_channels_have_physical_ranges(SensorChannel channel, double value, bool valid)
    {
        var frame = channel switch
        {
            SensorChannel.InflowPressure => Nominal() with { InflowPressure = Pressure.FromMillimetersOfMercury(value) },
            SensorChannel.Flow => Nominal() with { Flow = VolumetricFlow.FromMillilitersPerMinute(value) },
            SensorChannel.ReservoirVolume => Nominal() with { ReservoirVolume = Volume.FromMilliliters(value) },
            _ => Nominal() with { AbdominalPressure = Pressure.FromMillimetersOfMercury(value) },
        };

        Assert.Equal(valid, Validate(0, frame).IsValid(channel));
    }

    [Fact]
    [Verifies("SRS-IL-031")]
    public void A_temperature_step_up_to_2_C_per_s_plus_allowance_is_plausible_and_beyond_is_not()
    {
        Validate(0, Nominal());

        // 100 ms at 2 °C/s = 0.2 °C, plus the 0.1 °C allowance.
        var within = Validate(100, Nominal() with { InflowA = T(43.29) });
        var beyond = Validate(200, Nominal() with { InflowA = T(43.29), InflowB = T(43.31) });

        Assert.True(within.IsValid(SensorChannel.InflowA));
        Assert.Equal(ChannelFaults.RateOfChange, beyond.FaultsOf(SensorChannel.InflowB));
        Assert.True(beyond.IsMeasurement(SensorChannel.InflowB), "a fast-moving reading is still a physical measurement");
        Assert.True(beyond.HasSignalFault(SensorChannel.InflowB));
        Assert.Contains("°C/s", beyond.DetailOf(SensorChannel.InflowB), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-031")]
    public void A_one_sample_spike_is_rejected_without_rejecting_the_return_to_normal()
    {
        Validate(0, Nominal());

        var spike = Validate(100, Nominal() with { Abdomen2 = T(47.0) });
        var back = Validate(200, Nominal());

        Assert.Equal(ChannelFaults.RateOfChange, spike.FaultsOf(SensorChannel.Abdomen2));
        Assert.True(back.IsValid(SensorChannel.Abdomen2));
    }

    [Fact]
    [Verifies("SRS-IL-031")]
    public void A_genuine_step_is_accepted_again_once_the_rate_band_has_caught_up()
    {
        Validate(0, Nominal() with { Abdomen1 = T(22.0) });

        // Probe placed in 37 °C fluid: 15 °C step; band = 2 °C/s * t + 0.1 °C reaches 15 °C after 7.45 s.
        var early = Validate(7400, Nominal() with { Abdomen1 = T(37.0) });
        var later = Validate(7500, Nominal() with { Abdomen1 = T(37.0) });

        Assert.Equal(ChannelFaults.RateOfChange, early.FaultsOf(SensorChannel.Abdomen1));
        Assert.True(later.IsValid(SensorChannel.Abdomen1));
    }

    [Fact]
    [Verifies("SRS-IL-031")]
    public void Rate_is_judged_only_on_temperature_channels()
    {
        Validate(0, Nominal());

        var v = Validate(100, Nominal() with
        {
            InflowPressure = Pressure.FromMillimetersOfMercury(900),
            Flow = VolumetricFlow.FromMillilitersPerMinute(0),
        });

        Assert.True(v.IsValid(SensorChannel.InflowPressure));
        Assert.True(v.IsValid(SensorChannel.Flow));
    }

    [Fact]
    [Verifies("SRS-IL-032")]
    public void The_sample_is_stale_when_the_counter_has_not_advanced_for_more_than_the_limit()
    {
        Validate(0, Nominal());

        var atLimit = Validate(300, Nominal(), fresh: false);
        var beyond = Validate(301, Nominal(), fresh: false);
        var resumed = Validate(350, Nominal());

        Assert.False(atLimit.IsStale);
        Assert.Equal(Ms(300), atLimit.SinceCounterAdvanced);
        Assert.True(beyond.IsStale);
        Assert.All(ChannelValue.All, c => Assert.True(beyond.FaultsOf(c).HasFlag(ChannelFaults.Stale)));
        Assert.True(beyond.IsMeasurement(SensorChannel.InflowA), "a stale value is old, not broken");
        Assert.False(beyond.HasSignalFault(SensorChannel.InflowA));
        Assert.False(resumed.IsStale);
        Assert.True(resumed.IsValid(SensorChannel.InflowA));
    }

    [Fact]
    [Verifies("SRS-IL-032")]
    public void Failed_reads_count_towards_staleness_and_mark_every_channel_without_sample()
    {
        Validate(0, Nominal());

        var failed = _validator.Validate(Ms(200), null);
        var stale = _validator.Validate(Ms(400), null);

        Assert.Null(failed.Frame);
        Assert.False(failed.IsStale);
        Assert.Equal(ChannelFaults.NoSample, failed.FaultsOf(SensorChannel.Core));
        Assert.False(failed.IsMeasurement(SensorChannel.Core));
        Assert.True(stale.IsStale);
        Assert.Equal(ChannelFaults.NoSample | ChannelFaults.Stale, stale.FaultsOf(SensorChannel.Core));
    }

    [Fact]
    [Verifies("SRS-IL-032")]
    public void A_board_that_never_answers_goes_stale_from_the_first_call()
    {
        Assert.False(_validator.Validate(Ms(1000), null).IsStale);
        Assert.True(_validator.Validate(Ms(1301), null).IsStale);
    }

    [Fact]
    [Verifies("SRS-IL-032")]
    public void A_counter_wrapping_from_65535_to_0_is_advancing()
    {
        _validator.Validate(Ms(0), Nominal() with { SampleCounter = 65535 });

        Assert.False(_validator.Validate(Ms(400), Nominal() with { SampleCounter = 0 }).IsStale);
    }

    [Theory]
    [Verifies("SRS-IL-033")]
    [InlineData(SensorChannel.InflowA)]
    [InlineData(SensorChannel.InflowB)]
    [InlineData(SensorChannel.Abdomen3)]
    [InlineData(SensorChannel.Core)]
    [InlineData(SensorChannel.InflowPressure)]
    [InlineData(SensorChannel.AirDetected)]
    [InlineData(SensorChannel.AbdominalPressure)]
    public void The_boards_fault_bit_marks_exactly_its_channel(SensorChannel channel)
    {
        var v = Validate(0, Nominal() with { ChannelFaultBits = Bit(channel) });

        Assert.Equal(ChannelFaults.BoardFlagged, v.FaultsOf(channel));
        Assert.False(v.IsMeasurement(channel));
        Assert.Single(v.ChannelsWithFaults);
        Assert.Contains("sensor board reports", v.DetailOf(channel), StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-033")]
    public void A_board_flagged_reading_is_not_used_as_a_rate_reference()
    {
        Validate(0, Nominal());
        Validate(100, Nominal() with { ChannelFaultBits = Bit(SensorChannel.Core), Core = T(25.0) });

        var v = Validate(200, Nominal());

        Assert.True(v.IsValid(SensorChannel.Core));
    }

    [Fact]
    public void Time_going_backwards_is_refused_with_both_times()
    {
        Validate(500, Nominal());

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _validator.Validate(Ms(400), Nominal()));
        Assert.Contains("went backwards", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_rate_limit_is_refused()
    {
        var limits = SensorValidationLimits.For(Limits) with { MaxTemperatureRateCelsiusPerSecond = 0 };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SensorValidator(limits));
        Assert.Contains("MaxTemperatureRateCelsiusPerSecond", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_range_is_refused_naming_the_channel()
    {
        var ranges = PlausibleRange.Defaults.Where(kv => kv.Key != SensorChannel.Flow).ToDictionary();
        var limits = SensorValidationLimits.For(Limits) with { Ranges = ranges };

        var ex = Assert.Throws<InvalidOperationException>(() => new SensorValidator(limits));
        Assert.Contains("Flow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stale_limit_comes_from_the_profile()
    {
        Assert.Equal(Duration.FromMilliseconds(300), SensorValidationLimits.For(Limits).StaleAfter);
    }
}
