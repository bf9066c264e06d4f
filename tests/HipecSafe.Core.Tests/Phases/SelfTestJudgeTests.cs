using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>The power-on self-test verdict: 5 consecutive clean cycles pass, 50 cycles without that fail.</summary>
public class SelfTestJudgeTests
{
    private static readonly string[] Clean = [];

    [Fact]
    public void Five_consecutive_clean_cycles_pass_and_four_do_not()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 1; i < SelfTestJudge.RequiredGoodCycles; i++)
        {
            Assert.Equal(SelfTestStatus.Pending, (judge = judge.Judge(Clean)).Status);
        }

        Assert.Equal(SelfTestStatus.Passed, (judge = judge.Judge(Clean)).Status);
    }

    [Fact]
    public void A_problem_restarts_the_count_of_clean_cycles()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 0; i < 4; i++)
        {
            judge = judge.Judge(Clean);
        }

        Assert.Equal(SelfTestStatus.Pending, (judge = judge.Judge(["sensor board not answering"])).Status);
        for (var i = 1; i < SelfTestJudge.RequiredGoodCycles; i++)
        {
            Assert.Equal(SelfTestStatus.Pending, (judge = judge.Judge(Clean)).Status);
        }

        Assert.Equal(SelfTestStatus.Passed, (judge = judge.Judge(Clean)).Status);
    }

    [Fact]
    public void Fifty_cycles_without_five_clean_in_a_row_fail_naming_the_last_problems()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 1; i < SelfTestJudge.MaxCycles; i++)
        {
            Assert.Equal(SelfTestStatus.Pending, (judge = judge.Judge(i % 2 == 0 ? Clean : [$"probe 2 invalid (cycle {i})"])).Status);
        }

        Assert.Equal(SelfTestStatus.Failed, (judge = judge.Judge(["probe 2 invalid", "board latched"])).Status);
        Assert.Equal("self-test failed: probe 2 invalid; board latched", judge.FailureReason);
    }

    [Fact]
    public void Clean_cycles_that_complete_the_five_on_the_last_allowed_cycle_still_pass()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 0; i < SelfTestJudge.MaxCycles - SelfTestJudge.RequiredGoodCycles; i++)
        {
            judge = judge.Judge(["not yet"]);
        }

        for (var i = 1; i < SelfTestJudge.RequiredGoodCycles; i++)
        {
            Assert.Equal(SelfTestStatus.Pending, (judge = judge.Judge(Clean)).Status);
        }

        Assert.Equal(SelfTestStatus.Passed, (judge = judge.Judge(Clean)).Status);
    }

    [Fact]
    public void The_verdict_is_final()
    {
        var judge = SelfTestJudge.Initial;
        for (var i = 0; i < SelfTestJudge.RequiredGoodCycles; i++)
        {
            judge = judge.Judge(Clean);
        }

        Assert.Equal(SelfTestStatus.Passed, (judge = judge.Judge(["late problem"])).Status);
        Assert.Equal(SelfTestStatus.Passed, judge.Status);
    }

    [Fact]
    public void Null_problems_are_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => new SelfTestJudge().Judge(null!));
    }
}
