using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

[Verifies("SRS-IL-034")]
public class InflowSelectionTests
{
    private readonly ValidatorRig _validator = new(SensorValidationLimits.For(Limits));

    private ValidatedFrame Validate(double ms, SensorFrame frame) => _validator.Validate(Ms(ms), frame);

    [Fact]
    [Verifies("SRS-IL-034")]
    public void With_both_probes_valid_control_uses_the_higher()
    {
        var a = InflowSelection.Select(Validate(0, Nominal() with { SampleCounter = 1, InflowA = T(43.4), InflowB = T(43.1) }));
        var b = InflowSelection.Select(Validate(1000, Nominal() with { SampleCounter = 2, InflowA = T(43.4), InflowB = T(43.6) }));

        Assert.Equal(T(43.4), a.Temperature);
        Assert.Equal(SensorChannel.InflowA, a.Channel);
        Assert.Equal(T(43.6), b.Temperature);
        Assert.Equal(SensorChannel.InflowB, b.Channel);
        Assert.Equal("higher of A and B", b.Basis);
    }

    [Theory]
    [Verifies("SRS-IL-034")]
    [InlineData(SensorChannel.InflowA, SensorChannel.InflowB)]
    [InlineData(SensorChannel.InflowB, SensorChannel.InflowA)]
    public void With_one_probe_faulted_control_uses_the_healthy_one_even_if_the_faulted_reads_higher(SensorChannel faulted, SensorChannel healthy)
    {
        var frame = Nominal() with { ChannelFaultBits = Bit(faulted) };
        frame = faulted == SensorChannel.InflowA ? frame with { InflowA = T(55.0) } : frame with { InflowB = T(55.0) };

        var reading = InflowSelection.Select(Validate(0, frame));

        Assert.Equal(healthy, reading.Channel);
        Assert.Equal(T(43.0), reading.Temperature);
        Assert.Contains("only", reading.Basis, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-034")]
    public void A_suspect_probe_is_used_when_hotter_than_the_valid_one_and_ignored_when_colder()
    {
        Validate(0, Nominal() with { SampleCounter = 1 });

        var hotter = InflowSelection.Select(Validate(100, Nominal() with { SampleCounter = 2, InflowA = T(44.5) }));
        var colder = InflowSelection.Select(Validate(200, Nominal() with { SampleCounter = 3, InflowA = T(40.0) }));

        Assert.Equal(T(44.5), hotter.Temperature);
        Assert.Equal(SensorChannel.InflowA, hotter.Channel);
        Assert.Contains("suspect", hotter.Basis, StringComparison.Ordinal);
        Assert.Equal(T(43.0), colder.Temperature);
        Assert.Equal(SensorChannel.InflowB, colder.Channel);
    }

    [Fact]
    [Verifies("SRS-IL-034")]
    public void With_neither_probe_valid_there_is_no_reading_and_the_basis_names_both_faults()
    {
        var reading = InflowSelection.Select(Validate(0, Nominal() with
        {
            ChannelFaultBits = (ushort)(Bit(SensorChannel.InflowA) | Bit(SensorChannel.InflowB)),
        }));

        Assert.False(reading.IsAvailable);
        Assert.Null(reading.Channel);
        Assert.Contains("A: sensor board reports", reading.Basis, StringComparison.Ordinal);
        Assert.Contains("B: sensor board reports", reading.Basis, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-IL-034")]
    public void A_stale_sample_or_failed_read_gives_no_reading()
    {
        Validate(0, Nominal() with { SampleCounter = 1 });

        Assert.False(InflowSelection.Select(_validator.Validate(Ms(100), null)).IsAvailable);
        Assert.False(InflowSelection.Select(Validate(400, Nominal() with { SampleCounter = 1 })).IsAvailable);
    }
}
