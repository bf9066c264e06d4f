using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Phases.PhaseMachineFixture;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>
/// A held phase clock (SRS-PH-022): the caller holds it for the stretch up to the time it passes and on until it
/// releases it; the machine stays pure (state in, state out).
/// </summary>
public class PhaseMachineClockHoldTests
{
    [Fact]
    [Verifies("SRS-PH-022", "SRS-PH-008")]
    public void Held_chemo_time_does_not_count_and_the_phase_ends_that_much_later()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Tick(T(10));
        m.HoldClock(T(25), Phase.ChemoPerfusion); // the stretch 10 → 25 min is held
        m.Tick(T(30));
        Assert.Equal(10, m.ChemoElapsed.Minutes, 6);

        m.HoldClock(T(31), null); // released: 30 → 31 counts
        Assert.Equal(11, m.ChemoElapsed.Minutes, 6);
        Assert.Null(m.State.HeldClock);

        // 90 min of chemo time take the 20 min held longer: 110 min from the start.
        Assert.False(m.Fire(PhaseTrigger.ChemoTimeElapsed, T(109.9), AllGood).Accepted);
        Assert.True(m.Fire(PhaseTrigger.ChemoTimeElapsed, T(110), AllGood).Accepted);
        Assert.Equal(Phase.Washout, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void A_hold_of_another_phase_leaves_the_current_clock_running()
    {
        var m = At(Phase.Draining);
        m.HoldClock(T(4), Phase.ChemoPerfusion);

        Assert.Equal(4, m.ElapsedIn(Phase.Draining).Minutes, 6);
        Assert.Equal(0, m.ChemoElapsed.Minutes, 6);
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void Holding_is_pure_the_same_state_and_time_give_the_same_next_state()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Tick(T(10));
        var before = m.State;

        var once = m.Machine.HoldClock(before, T(12), Phase.ChemoPerfusion);
        var again = m.Machine.HoldClock(before, T(12), Phase.ChemoPerfusion);

        Assert.Equal(once, again);
        Assert.Equal(Phase.ChemoPerfusion, once.HeldClock);
        Assert.Null(before.HeldClock);
        Assert.Equal(10, before.ChemoElapsed.Minutes, 6);
        Assert.Same(once, m.Machine.HoldClock(once, T(12), Phase.ChemoPerfusion)); // nothing changed: the same state back
    }

    [Fact]
    [Verifies("SRS-PH-022", "SRS-PH-012", "SRS-PH-013")]
    public void A_pause_during_a_hold_counts_neither_and_resume_runs_the_clock_once_released()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Tick(T(20));
        m.HoldClock(T(22), Phase.ChemoPerfusion);
        m.Fire(PhaseTrigger.Pause, T(22), AllGood);
        m.HoldClock(T(30), null); // the caller releases a hold outside its phase
        m.Fire(PhaseTrigger.Resume, T(30), AllGood);
        m.Tick(T(35));

        Assert.Equal(Phase.ChemoPerfusion, m.Current);
        Assert.Equal(25, m.ChemoElapsed.Minutes, 6);
    }
}
