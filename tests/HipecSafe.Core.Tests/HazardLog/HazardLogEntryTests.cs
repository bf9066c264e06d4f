using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.HazardLog;

public class HazardLogEntryTests
{
    [Fact]
    public void Empty_text_is_refused_naming_the_field()
    {
        Assert.Equal("Source", Assert.Throws<ArgumentException>(() => new FaultEntry(" ", "x")).ParamName);
        Assert.Equal("HazardId", Assert.Throws<ArgumentException>(
            () => new AlarmEntry(AlarmChange.Raised, "A", AlarmPriority.High, "", null, null, LoggedPauseState.NotPaused)).ParamName);
        Assert.Equal("RuleId", Assert.Throws<ArgumentException>(
            () => new InterlockEntry(InterlockChange.Tripped, "", "HAZ-001", "heater off")).ParamName);
    }

    [Fact]
    public void A_refused_command_needs_a_reason_and_an_accepted_one_has_none()
    {
        Assert.Equal("RefusalReason", Assert.Throws<ArgumentException>(() => new OperatorCommandEntry("Start", false, null)).ParamName);
        Assert.Equal("refusalReason", Assert.Throws<ArgumentException>(() => new OperatorCommandEntry("Start", true, "why")).ParamName);
        Assert.Null(OperatorCommandEntry.WasAccepted("Start").RefusalReason);
    }

    [Fact]
    public void Undefined_enum_values_are_refused_so_they_never_reach_the_file()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SafeStateEntry((SafeStateChange)7, "x"));
        Assert.Equal("Change", error.ParamName);
    }

    [Theory]
    [InlineData(44.15, "°C", "44.15 °C")]
    [InlineData(double.NaN, "°C", "NaN °C")]
    [InlineData(double.NegativeInfinity, "mmHg", "-Infinity mmHg")]
    [InlineData(0.1 + 0.2, "L/min", "0.30000000000000004 L/min")]
    [InlineData(-0.0, "K", "-0 K")]
    [InlineData(3.0, "", "3")]
    public void Logged_values_are_invariant_and_round_trip_exactly(double value, string unit, string text)
    {
        var logged = new LoggedValue(value, unit);

        Assert.Equal(text, logged.ToString());
        Assert.True(LoggedValue.TryParse(text, out var parsed, out _));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed.Value));
        Assert.Equal(unit, parsed.Unit);
    }

    [Fact]
    public void Logged_value_helpers_use_the_device_units()
    {
        Assert.Equal("1.5 L/min", LoggedValue.Of(VolumetricFlow.FromMillilitersPerMinute(1500)).ToString());
        Assert.Equal("120 mmHg", LoggedValue.Of(Pressure.FromMillimetersOfMercury(120)).ToString());
        Assert.False(LoggedValue.TryParse("forty °C", out _, out var error));
        Assert.Contains("'forty' is not a number", error, StringComparison.Ordinal);
    }
}
