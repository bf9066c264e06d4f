using HipecSafe.Core.Alarms;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Tests.HazardLog;

public class HazardLogEntryTests
{
    [Fact]
    public void Empty_text_is_refused_naming_the_field()
    {
        Assert.Equal("Source", Assert.Throws<ArgumentException>(() => new FaultEntry(" ", "x")).ParamName);
        Assert.Equal("HazardId", Assert.Throws<ArgumentException>(
            () => new AlarmEntry(AlarmEventKind.Raised, "A", AlarmPriority.High, " ", "msg", "", "", false, "")).ParamName);
        Assert.Equal("Message", Assert.Throws<ArgumentException>(
            () => new AlarmEntry(AlarmEventKind.Raised, "A", AlarmPriority.High, null, "", "", "", false, "")).ParamName);
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

    [Fact]
    public void A_crash_marker_names_the_head_s_count_and_hash_together_or_neither()
    {
        var hash = new string('a', HazardLogFormat.HashLength);

        Assert.Equal("HeadLastHash", Assert.Throws<ArgumentException>(() => new LogNotSealedEntry(3, null, 4, hash, "x")).ParamName);
        Assert.Equal("HeadLastHash", Assert.Throws<ArgumentException>(() => new LogNotSealedEntry(null, hash, 4, hash, "x")).ParamName);
        Assert.Equal("FoundRecordCount", Assert.Throws<ArgumentOutOfRangeException>(() => new LogNotSealedEntry(null, null, -1, hash, "x")).ParamName);
        Assert.Equal("Reason", Assert.Throws<ArgumentException>(() => new LogSealedEntry(" ")).ParamName);
    }
}
