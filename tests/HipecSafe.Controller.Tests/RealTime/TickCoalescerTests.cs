using HipecSafe.Controller.Clock;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>The tick-coalescing policy on its own: times passed in, every decision checked.</summary>
public sealed class TickCoalescerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    [Verifies("SRS-RT-001")]
    public void On_time_and_taken_at_once_every_cycle_is_delivered_in_order_at_its_schedule()
    {
        var c = new TickCoalescer(Period);
        for (long cycle = 0; cycle < 20; cycle++)
        {
            var now = c.NextDue + Ms(0.2);
            var d = c.Decide(now);
            Assert.Equal(new TickDecision(cycle, Period * cycle, true, null), d);
            Assert.True(c.Take(cycle, now + Ms(0.3)));
        }

        Assert.Equal(20, c.Delivered);
        Assert.Equal(0, c.Skipped);
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void A_late_wake_up_delivers_only_the_newest_due_cycle_and_reports_the_skipped_ones_with_it()
    {
        var c = new TickCoalescer(Period);
        c.Decide(Ms(0));
        c.Take(0, Ms(0.1));

        // Woke for cycle 1 at 430 ms: cycles 1, 2, 3 passed unseen; 4 (due 400 ms) is the newest.
        var d = c.Decide(Ms(430));
        Assert.Equal(new TickDecision(4, Ms(400), true, new CycleOverrun(1, 3, OverrunCauses.ClockLate, 4, 0)), d);
        Assert.Equal(5, c.NextCycle);
        Assert.Equal(3, c.Skipped);
        Assert.Equal("cycle overrun: 3 ticks skipped (cycles 1–3) because the clock thread woke late; ticks resumed at cycle 4", d.Ended!.Describe());
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void A_first_wake_up_already_late_skips_to_the_newest_cycle_and_its_overrun_is_logged_at_time_zero()
    {
        var c = new TickCoalescer(Period);
        var d = c.Decide(Ms(250));
        Assert.Equal(new TickDecision(2, Ms(200), true, new CycleOverrun(0, 2, OverrunCauses.ClockLate, 2, -1)), d);
        Assert.Equal(0, d.Ended!.LoggedAtCycle);
        Assert.Equal(7, new CycleOverrun(8, 1, OverrunCauses.RoundTooShort, 9, 7).LoggedAtCycle);
    }

    [Fact]
    [Verifies("SRS-RT-001", "SRS-RT-006")]
    public void No_tick_is_delivered_while_the_previous_one_is_not_taken_nor_before_its_round_has_lasted_half_a_period()
    {
        var c = new TickCoalescer(Period);
        c.Decide(Ms(0));
        Assert.Equal(0, c.Pending);

        var held = c.Decide(Ms(100));
        Assert.False(held.Deliver);
        Assert.Equal(1, held.Cycle);

        Assert.False(c.Take(1, Ms(160)));  // not the pending tick: ignored
        Assert.True(c.Take(0, Ms(160)));
        Assert.Null(c.Pending);

        // Cycle 2 at 200 ms: the round of tick 0 began 40 ms ago: too short.
        Assert.False(c.Decide(Ms(200)).Deliver);
        var resumed = c.Decide(Ms(300));
        Assert.True(resumed.Deliver);
        Assert.Equal(new CycleOverrun(1, 2, OverrunCauses.PreviousTickNotTaken | OverrunCauses.RoundTooShort, 3, 0), resumed.Ended);
        Assert.Equal("cycle overrun: 2 ticks skipped (cycles 1–2) because the controller had not yet taken the previous tick and the previous health round had not yet lasted its minimum; ticks resumed at cycle 3",
            resumed.Ended!.Describe());
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void A_tick_untaken_for_five_periods_is_given_up_and_the_next_one_delivered()
    {
        var c = new TickCoalescer(Period);
        c.Decide(Ms(0));
        for (var cycle = 1; cycle <= 4; cycle++)
        {
            Assert.False(c.Decide(Ms(cycle * 100)).Deliver);
        }

        var d = c.Decide(Ms(500));
        Assert.True(d.Deliver);
        Assert.Equal(5, d.Cycle);
        Assert.Equal(1, c.PresumedLost);
        Assert.Equal(5, c.Pending);
        Assert.Equal(OverrunCauses.PreviousTickNotTaken | OverrunCauses.PreviousTickPresumedLost, d.Ended!.Causes);
        Assert.False(c.Take(0, Ms(510)));  // the lost tick turning up late changes nothing
    }

    [Fact]
    [Verifies("SRS-RT-001")]
    public void Without_awaiting_a_delivered_tick_counts_as_taken_at_once()
    {
        var c = new TickCoalescer(Period, awaitTaken: false);
        Assert.True(c.Decide(Ms(0)).Deliver);
        Assert.Null(c.Pending);
        Assert.True(c.Decide(Ms(100)).Deliver);
        // Woke 60 ms late for cycle 2, then on time for 3: 40 ms after the last delivery, 3 is skipped.
        Assert.True(c.Decide(Ms(260)).Deliver);
        Assert.False(c.Decide(Ms(300)).Deliver);
        Assert.Equal(new CycleOverrun(3, 1, OverrunCauses.RoundTooShort, 4, 2), c.Decide(Ms(400)).Ended);
    }

    [Fact]
    public void Deciding_before_the_deadline_and_bad_settings_are_refused_naming_the_value()
    {
        var c = new TickCoalescer(Period);
        c.Decide(Ms(0));
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => c.Decide(Ms(99)));
        Assert.Contains("cycle 1 is due at", early.Message, StringComparison.Ordinal);

        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new TickCoalescer(TimeSpan.Zero)).ParamName);
        Assert.Equal("minimumRound", Assert.Throws<ArgumentOutOfRangeException>(() => new TickCoalescer(Period, minimumRound: Ms(101))).ParamName);
        Assert.Equal("presumedLostAfter", Assert.Throws<ArgumentOutOfRangeException>(() => new TickCoalescer(Period, presumedLostAfter: Ms(150))).ParamName);
    }
}
