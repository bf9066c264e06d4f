using HipecSafe.Controller;
using HipecSafe.Controller.Faults;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Boards;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Runtime;

/// <summary>
/// SRS-RT-006/007 on the whole system: a hung controller actor stops the heartbeat, and the actuator board's own
/// watchdog latches the outputs safe once the heartbeat has not moved for more than 500 ms — the independent second
/// channel — while the controller's watchdog drives the actuators safe from its side.
/// </summary>
public sealed class RigWatchdogTests
{
    private static readonly TimeSpan BoardStep = TimeSpan.FromMilliseconds(50);

    public static TheoryData<string> Hung => [ComponentNames.ControlLoop, ComponentNames.Interlocks];

    [Theory]
    [MemberData(nameof(Hung))]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_hung_actor_stops_the_heartbeat_and_the_board_watchdog_latches_after_500_ms(string component)
    {
        using var run = new RigRun();
        var heating = run.ToHeating();
        var board = run.Rig.ActuatorBoard.Logic;
        var heartbeat = board.Heartbeat;
        var heartbeatSince = heating.Time; // written in the controller cycle at the end of that rig step
        TimeSpan? latchedAt = null;
        run.Rig.BoardStepped += now => latchedAt ??= board.SafeLatched ? now : null;

        run.Rig.Controller.Inject(component, new InjectStall(TimeSpan.FromSeconds(2)));
        run.StepUntil(_ => latchedAt is not null, 10, "board watchdog latch");

        Assert.Equal(heartbeat, board.Heartbeat);
        var silent = latchedAt!.Value - heartbeatSince;
        Assert.True(silent > ActuatorBoardLogic.WatchdogTimeout && silent <= ActuatorBoardLogic.WatchdogTimeout + BoardStep,
            $"the board latched {silent.TotalMilliseconds} ms after the last heartbeat");

        // Latched: whatever the controller writes, the plant's heater gets nothing, and the heartbeat stays frozen.
        run.Steps(30);
        Assert.Equal(heartbeat, board.Heartbeat);
        Assert.True(board.SafeLatched);
        Assert.All(run.Cycles.Where(c => c.Time > latchedAt.Value), c => Assert.Equal(0, c.Truth.HeaterPowerDelivered.Watts));
        Assert.Equal(Phase.SafeState, run.Cycles[^1].Report?.Phase);
        Assert.Contains("IL-BOARD-SAFE-LATCH", run.Cycles[^1].Report!.ActiveTrips);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-008")]
    public void A_stalled_control_loop_has_the_plant_heater_off_before_the_board_watchdog_acts()
    {
        using var run = new RigRun();
        var heating = run.ToHeating();
        var board = run.Rig.ActuatorBoard.Logic;

        run.Rig.Controller.Inject(ComponentNames.ControlLoop, new InjectStall(TimeSpan.FromSeconds(2)));
        run.Steps(4);

        // Cycle c+2 writes heater off (late loop); the plant sees it from the next board step, well inside 500 ms.
        var offFrom = heating.Time + TimeSpan.FromMilliseconds(300);
        Assert.All(run.Cycles.Where(c => c.Time >= offFrom), c => Assert.Equal(0, c.Truth.HeaterPowerDelivered.Watts));
        Assert.False(board.SafeLatched, "the controller's own watchdog must act before the board's");
        Assert.False(board.Commanded.HeaterEnabled);
    }
}
