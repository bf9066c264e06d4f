using HipecSafe.Core.Interlocks;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// A measurement whose detail is formatted on first read (rules measure every cycle, the text is read only for a
/// trip or a refused reset) must read, print and compare exactly like one given the text up front.
/// </summary>
public class MeasurementDetailTests
{
    [Fact]
    public void A_lazily_described_measurement_reads_prints_and_compares_like_an_eager_one()
    {
        var eager = new Measurement("flow deviation", 12.5, "%", ">", 10, "1.75 L/min vs target 2 L/min");
        var lazy = new Measurement("flow deviation", 12.5, "%", ">", 10, () => "1.75 L/min vs target 2 L/min");

        Assert.Equal(eager.ToString(), lazy.ToString());
        Assert.Equal(eager.ValueText, lazy.ValueText);
        Assert.Equal(eager.Detail, lazy.Detail);
        Assert.Equal(eager, lazy);
        Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
        Assert.Equal("flow deviation 12.5 % > 10 % (1.75 L/min vs target 2 L/min)", lazy.ToString());
    }

    [Fact]
    public void The_detail_is_formatted_once_and_only_when_read()
    {
        var calls = 0;
        var measured = new Measurement("reservoir drop since phase start", 350, "mL", ">", 300, () =>
        {
            calls++;
            return "2500 mL at phase start, 2150 mL now";
        });

        Assert.Equal(0, calls);
        Assert.Equal("2500 mL at phase start, 2150 mL now", measured.Detail);
        _ = measured.ToString();
        _ = measured.ValueText;
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_description_of_null_means_no_detail()
    {
        var lazy = new Measurement("faulted inflow probes", 0, "", "≥", 1, () => null);

        Assert.Null(lazy.Detail);
        Assert.Equal(new Measurement("faulted inflow probes", 0, "", "≥", 1), lazy);
        Assert.Equal("faulted inflow probes 0 ≥ 1", lazy.ToString());
    }

    [Fact]
    public void With_replaces_the_detail_and_keeps_the_rest()
    {
        var lazy = new Measurement("line pressure", 310, "mmHg", ">", 300, () => "probe 1");

        var changed = lazy with { Detail = "probe 2" };

        Assert.Equal("probe 2", changed.Detail);
        Assert.Equal("probe 1", lazy.Detail);
        Assert.Equal(lazy.Value, changed.Value);
    }
}
