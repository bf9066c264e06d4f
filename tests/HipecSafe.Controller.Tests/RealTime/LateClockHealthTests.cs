using HipecSafe.Controller.Clock;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Controller.Tests.RealTime;

/// <summary>
/// The real-time clock's loop against a simulated controller, in scripted time (<see cref="ScriptedCycleTime"/>): a
/// clock thread that wakes late, or a controller that gets no CPU for a while, must never make the health watchdog
/// close rounds back to back and fail components that had no time to answer; a component that really stops
/// answering must still be failed after three rounds. The controller runtime's clock is built the same way
/// (a <see cref="TickCoalescer"/> that awaits each tick being taken).
/// </summary>
public sealed class LateClockHealthTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    /// <summary>Runs the clock's loop until <paramref name="end"/>; a null policy is the metronome clock (every deadline, late ones back to back).</summary>
    private (SimulatedController Controller, RealTimeCycleClock Clock) Run(Func<TimeSpan, TimeSpan> wakeAt, TimeSpan end, TickCoalescer? coalescing,
        Action<SimulatedController>? script = null)
    {
        var time = new ScriptedCycleTime(wakeAt, end);
        var controller = new SimulatedController(time);
        script?.Invoke(controller);
        var clock = new RealTimeCycleClock(Period, controller.OnTick, new RealTimeCycleClockOptions
        {
            Coalescing = coalescing,
            TimeSource = time,
            RaisePriority = false,
        });
        controller.Clock = clock;
        clock.Run();
        clock.Dispose();
        foreach (var (cycle, due, at) in controller.Delivered)
        {
            output.WriteLine($"tick {cycle} due {due.TotalMilliseconds} ms delivered at {at.TotalMilliseconds} ms");
        }

        foreach (var o in clock.Overruns)
        {
            output.WriteLine(o.Describe());
        }

        foreach (var (component, at) in controller.Failures)
        {
            output.WriteLine($"FAILED {component} at {at.TotalMilliseconds} ms");
        }

        return (controller, clock);
    }

    /// <summary>The clock thread gets no CPU from 1000 ms to 1350 ms: it wakes for the 1000 ms deadline at 1350.2 ms.</summary>
    private static TimeSpan DescheduledFrom1000To1350(TimeSpan deadline) =>
        deadline >= Ms(1000) && deadline < Ms(1350) ? Ms(1350.2) : deadline + Ms(0.05);

    [Fact]
    [Verifies("SRS-RT-001", "SRS-RT-006", "SRS-RT-007")]
    public void A_clock_thread_that_wakes_350_ms_late_skips_the_missed_cycles_and_the_watchdog_counts_no_miss()
    {
        var (controller, clock) = Run(DescheduledFrom1000To1350, Ms(3000), new TickCoalescer(Period));

        Assert.Empty(controller.Failures);
        // Not even one missed round: every round that closed had all its answers, so the heartbeat never stopped.
        Assert.All(controller.Rounds, r => Assert.True(r.Round.HeartbeatAllowed, $"round {r.Key} at {r.At.TotalMilliseconds} ms: a miss"));
        // Cycles 10–12 slept through; 13 (due 1300 ms) delivered on waking. Its round began at 1350.5 ms, so at 1400 ms
        // it has not lasted half a period: 14 is skipped as well, and the clock is back on schedule from 15 on.
        Assert.Equal(
            [new CycleOverrun(10, 3, OverrunCauses.ClockLate, 13, 9), new CycleOverrun(14, 1, OverrunCauses.RoundTooShort, 15, 13)],
            clock.Overruns);
        Assert.Equal(Enumerable.Range(0, 30).Where(c => c is < 10 or 13 or > 14).Select(c => (long)c), controller.Delivered.Select(d => d.Cycle));
        Assert.All(controller.Delivered, d => Assert.Equal(Period * d.Cycle, d.Due));
        Assert.Equal(4, clock.Skipped);
        Assert.Equal(26, clock.Delivered);
        Assert.Equal(26, clock.Acknowledged);
    }

    [Fact]
    [Verifies("SRS-RT-001", "SRS-RT-006")]
    public void Without_coalescing_the_same_late_wake_up_replays_the_missed_ticks_back_to_back_and_fails_every_component()
    {
        // The clock as the runtime used it before ticks were coalesced: the defect this guards against.
        var (controller, _) = Run(DescheduledFrom1000To1350, Ms(3000), coalescing: null);

        var burst = controller.Delivered.Where(d => d.DeliveredAt == Ms(1350.2)).Select(d => d.Cycle).ToList();
        Assert.Equal([10L, 11L, 12L, 13L], burst);
        Assert.Equal(ComponentNames.Monitored.Order(StringComparer.Ordinal), controller.Failures.Select(f => f.Component).Order(StringComparer.Ordinal));
        Assert.All(controller.Failures, f => Assert.True(f.At < Ms(1351), $"{f.Component} failed at {f.At.TotalMilliseconds} ms"));
    }

    [Theory]
    [InlineData(2405, 22, 3, OverrunCauses.PreviousTickNotTaken, 25)]
    [InlineData(2460, 22, 4, OverrunCauses.PreviousTickNotTaken | OverrunCauses.RoundTooShort, 26)]
    [Verifies("SRS-RT-001", "SRS-RT-006", "SRS-RT-007")]
    public void A_controller_frozen_for_hundreds_of_ms_gets_no_queue_of_ticks_and_fails_no_component(
        double frozenUntilMs, long firstSkipped, long skipped, OverrunCauses causes, long resumedAt)
    {
        // The clock is on time; the controller's threads get no CPU from 2005 ms on (a saturated machine). Tick 21
        // (2100 ms) is delivered and waits in the mailbox; 22, 23, 24 are held back because 21 has not been taken.
        // Taken at 2405 ms, the next deadline (2500 ms) finds its round 95 ms old: tick 25 goes. Taken at 2460 ms,
        // the round would be only 40 ms old at 2500 ms: 25 is skipped too, 26 goes.
        var (controller, clock) = Run(ScriptedCycleTime.Punctual, Ms(4000), new TickCoalescer(Period),
            c => c.Freeze(Ms(2005), Ms(frozenUntilMs)));

        Assert.Empty(controller.Failures);
        Assert.All(controller.Rounds, r => Assert.True(r.Round.HeartbeatAllowed, $"round {r.Key} at {r.At.TotalMilliseconds} ms: a miss"));
        Assert.Equal(new CycleOverrun(firstSkipped, skipped, causes, resumedAt, 21), Assert.Single(clock.Overruns));
        // Never two ticks in the watchdog's mailbox, and every round open at least half a period.
        for (var i = 1; i < controller.Rounds.Count; i++)
        {
            var (previous, current) = (controller.Rounds[i - 1], controller.Rounds[i]);
            Assert.True(current.At - previous.At >= Period / 2,
                $"rounds {previous.Key} and {current.Key} began {(current.At - previous.At).TotalMilliseconds} ms apart");
        }
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void Without_coalescing_a_controller_frozen_for_400_ms_takes_the_queued_ticks_back_to_back_and_fails_every_component()
    {
        var (controller, _) = Run(ScriptedCycleTime.Punctual, Ms(4000), coalescing: null, c => c.Freeze(Ms(2005), Ms(2405)));

        Assert.Equal([21L, 22L, 23L, 24L], controller.Rounds.Where(r => r.At >= Ms(2405) && r.At < Ms(2406)).Select(r => r.Key));
        Assert.Equal(ComponentNames.Monitored.Order(StringComparer.Ordinal), controller.Failures.Select(f => f.Component).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ComponentNames.ControlLoop)]
    [InlineData(ComponentNames.Interlocks)]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_component_that_stops_answering_is_still_failed_after_three_rounds(string component)
    {
        // It answers the ping of cycle 10 (1000 ms), then hangs from 1050 ms for 2 s.
        var (controller, _) = Run(ScriptedCycleTime.Punctual, Ms(3000), new TickCoalescer(Period), c => c.Stall(component, Ms(1050), Ms(3050)));

        var failure = Assert.Single(controller.Failures);
        Assert.Equal(component, failure.Component);
        // Rounds 11, 12, 13 missed: failed when round 14 begins, 350 ms of wall time after it stopped answering.
        Assert.Equal(Ms(1400.3), failure.At);
        Assert.All(controller.Rounds.Where(r => r.Key is >= 12 and <= 14), r => Assert.False(r.Round.HeartbeatAllowed));
    }

    [Fact]
    [Verifies("SRS-RT-006")]
    public void A_component_that_stops_answering_is_failed_even_while_the_clock_thread_keeps_waking_late()
    {
        // Every wake-up 70 ms late (a clock thread starved each cycle), and the control loop hangs from 1100 ms.
        var (controller, clock) = Run(deadline => deadline + Ms(70), Ms(3000), new TickCoalescer(Period),
            c => c.Stall(ComponentNames.ControlLoop, Ms(1100), Ms(3100)));

        var failure = Assert.Single(controller.Failures);
        Assert.Equal(ComponentNames.ControlLoop, failure.Component);
        Assert.True(failure.At <= Ms(1100) + (Period * 4) + Ms(71), $"failed at {failure.At.TotalMilliseconds} ms");
        Assert.Empty(clock.Overruns);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_tick_that_is_never_taken_is_given_up_after_five_periods_and_the_clock_goes_on()
    {
        // The controller takes nothing from 1005 ms to 5000 ms: a watchdog that will never take tick 11 (lost).
        var (controller, clock) = Run(ScriptedCycleTime.Punctual, Ms(2000), new TickCoalescer(Period), c => c.Freeze(Ms(1005), Ms(5000)));

        // 11 delivered at 1100 ms, held until 1600 ms, when it is given up and 16 is delivered; then 21 (5 periods later).
        Assert.Equal([11L, 16L], controller.Delivered.Where(d => d.Cycle > 10).Select(d => d.Cycle).Take(2));
        var overrun = clock.Overruns[0];
        Assert.Equal(new CycleOverrun(12, 4, OverrunCauses.PreviousTickNotTaken | OverrunCauses.PreviousTickPresumedLost, 16, 11), overrun);
        Assert.Contains("given up as lost", overrun.Describe(), StringComparison.Ordinal);
    }
}
