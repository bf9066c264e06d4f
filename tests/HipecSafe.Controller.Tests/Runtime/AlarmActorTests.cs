using Akka.Actor;
using Akka.TestKit.Xunit2;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Health;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The alarm actor between probes: the cycle's update comes from the bus, the watchdog's failed components come
/// straight from the watchdog (SRS-AL-016). Times are the ticks' procedure times; no clock is read.
/// </summary>
public sealed class AlarmActorTests : TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly ActorTestEnvironment _t;
    private readonly IActorRef _alarms;

    public AlarmActorTests()
    {
        _t = new ActorTestEnvironment(name => CreateTestProbe(name));
        _alarms = Sys.ActorOf(Props.Create(() => new AlarmActor(_t.AlarmPorts(), new AlarmActorState(new AlarmSystem()))), ComponentNames.Alarms);
    }

    private static AlarmCondition Medium(string id) => new(id, AlarmPriority.Medium, null, $"{id} present", "", "");

    private CycleReport Update(long cycle, params AlarmCondition[] conditions)
    {
        var tick = ActorTestEnvironment.Tick(cycle);
        _alarms.Tell(new UpdateAlarms(tick, conditions, ActorTestEnvironment.Report(tick, ActuatorCommand.Safe)));
        return _t.Listener.ExpectMsg<CycleReport>(Wait);
    }

    private AlarmsAnnounced Failure(long cycle, params string[] failed)
    {
        _alarms.Tell(new ComponentFailureAlarm(ActorTestEnvironment.Tick(cycle), FailedComponentAlarm.Of(failed, 3)));
        return _t.Listener.ExpectMsg<AlarmsAnnounced>(Wait);
    }

    [Fact]
    [Verifies("SRS-AL-016", "SRS-RT-004")]
    public void A_failure_from_the_watchdog_is_annunciated_at_once_high_and_latched_without_any_cycle_update()
    {
        Update(10, Medium("IL-FLOW-DEVIATION"));

        // The gate or the bus hangs: no cycle update comes. The watchdog's word alone raises the alarm, at its tick.
        var announced = Failure(14, ComponentNames.Interlocks);
        Assert.Equal(ActorTestEnvironment.Tick(14), announced.Tick);
        var safe = Assert.Single(announced.Alarms.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal(AlarmPriority.High, safe.Priority);
        Assert.True(safe.Latching);
        Assert.Equal(ActorTestEnvironment.Tick(14).Time, safe.RaisedAt.ToTimeSpan());
        Assert.Equal(AudioState.Sounding, announced.Alarms.Audio);
        // The last cycle's conditions are kept, not cleared by the watchdog's update.
        Assert.Contains(announced.Alarms.Alarms, a => a.ConditionId == "IL-FLOW-DEVIATION" && a.State == AlarmState.Active);
        Assert.False(_t.Listener.HasMessages);
    }

    [Fact]
    [Verifies("SRS-AL-016")]
    public void The_failure_stays_in_every_cycle_until_the_watchdog_clears_it_then_latches_until_acknowledged()
    {
        Update(10);
        Failure(14, ComponentNames.BoardBus);

        // The chain resumes with cycles that carry no SAFE-STATE of their own: the watchdog's condition is still present.
        var during = Update(15);
        Assert.Contains(during.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE" && a.State == AlarmState.Active);

        // Reset: the watchdog clears its condition; the high alarm latches (IEC 60601-1-8) until acknowledged.
        var cleared = Failure(20);
        var latched = Assert.Single(cleared.Alarms.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal(AlarmState.LatchedCleared, latched.State);
        var after = Update(21);
        Assert.Equal(AlarmState.LatchedCleared, Assert.Single(after.Alarms!.Alarms).State);
    }

    [Fact]
    [Verifies("SRS-AL-016", "SRS-AL-011")]
    public void A_cycle_that_raises_safe_state_itself_is_one_alarm_not_two()
    {
        Failure(14, ComponentNames.ControlLoop);
        var lane = new AlarmCondition("SAFE-STATE", AlarmPriority.High, null, "Device in SafeState", "watchdog: controlloop failed", "", Latching: true);

        // The control lane's condition (with every latched cause) and the watchdog's have one ID: one alarm, and the
        // update is not refused as a duplicate.
        var report = Update(15, lane);
        var safe = Assert.Single(report.Alarms!.Alarms, a => a.ConditionId == "SAFE-STATE");
        Assert.Equal("Device in SafeState", safe.Message);
        Assert.Equal(ActorTestEnvironment.Tick(14).Time, safe.RaisedAt.ToTimeSpan());
    }

    [Fact]
    [Verifies("SRS-AL-012", "SRS-AL-016")]
    public void A_late_cycle_update_after_the_watchdog_s_word_is_reported_and_time_does_not_go_back()
    {
        Update(10);
        Failure(14, ComponentNames.Interlocks);

        // The gate comes back and its backlog's newest verdict (cycle 12) reaches the alarms after the watchdog's tick 14:
        // its report still goes to the display, the alarm system is updated at 14 (never back to 12).
        var late = Update(12, Medium("IL-BUS-SENSOR"));
        var bus = Assert.Single(late.Alarms!.Alarms, a => a.ConditionId == "IL-BUS-SENSOR");
        Assert.Equal(ActorTestEnvironment.Tick(14).Time, bus.RaisedAt.ToTimeSpan());
        Assert.Contains(late.Alarms.Alarms, a => a.ConditionId == "SAFE-STATE");
    }
}
