using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>The restart self-test's wait (SRS-RS-009): waiting cycles have their own bound and are not clean cycles.</summary>
public class SelfTestJudgeWaitTests
{
    private static readonly string[] Clean = [];
    private const string Hot = "limiter 45.00 °C: the actuator board releases its hold only below 44.00 °C";

    [Fact]
    [Verifies("SRS-RS-009")]
    public void Waiting_cycles_neither_fail_the_test_after_50_cycles_nor_count_as_clean()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 0; i < SelfTestJudge.MaxCycles * 10; i++)
        {
            judge = judge.Judge(Clean, Hot, 6000);
        }

        Assert.Equal(SelfTestStatus.Pending, judge.Status);
        Assert.Equal(Hot, judge.Waiting);
        Assert.Equal(0, judge.GoodInARow);
        Assert.Equal(SelfTestJudge.MaxCycles * 10, judge.WaitCycles);

        // Cooled and released: five clean cycles pass, as at any power-on.
        for (var i = 1; i < SelfTestJudge.RequiredGoodCycles; i++)
        {
            judge = judge.Judge(Clean, null, 6000);
        }

        Assert.Null(judge.Waiting);
        Assert.Equal(SelfTestStatus.Passed, judge.Judge(Clean, null, 6000).Status);
    }

    [Fact]
    [Verifies("SRS-RS-009")]
    public void A_wait_longer_than_its_bound_fails_naming_the_wait()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 1; i < 6000; i++)
        {
            judge = judge.Judge(Clean, Hot, 6000);
        }

        Assert.Equal(SelfTestStatus.Pending, judge.Status);
        judge = judge.Judge(Clean, Hot, 6000);
        Assert.Equal(SelfTestStatus.Failed, judge.Status);
        Assert.Contains("waited 6000 cycles", judge.FailureReason, StringComparison.Ordinal);
        Assert.Contains(Hot, judge.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-RS-009", "SRS-PH-002")]
    public void Another_problem_during_the_wait_counts_against_the_50_cycles_as_at_any_power_on()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 1; i < SelfTestJudge.MaxCycles; i++)
        {
            judge = judge.Judge(["interlock IL-HEATER-RUNAWAY active"], Hot, 6000);
        }

        Assert.Equal(SelfTestStatus.Pending, judge.Status);
        judge = judge.Judge(["interlock IL-HEATER-RUNAWAY active"], Hot, 6000);
        Assert.Equal(SelfTestStatus.Failed, judge.Status);
        Assert.Contains("IL-HEATER-RUNAWAY", judge.FailureReason, StringComparison.Ordinal);
        Assert.Contains(Hot, judge.FailureReason, StringComparison.Ordinal);
    }
}
