using HipecSafe.Controller;
using HipecSafe.Core.Operations;
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
        TimeSpan? latchedAt = null;
        run.Rig.BoardStepped += now => latchedAt ??= board.SafeLatched ? now : null;

        run.Faults.Stall(component, TimeSpan.FromSeconds(2));
        run.StepUntil(_ => latchedAt is not null, 10, "board watchdog latch");

        // The last cycle that advanced the heartbeat (with a stalled control loop the gate still advances it once: the
        // round before the stall was answered); it is written at the end of that rig step.
        var lastBeat = run.Cycles.Last(c => c.Report?.HeartbeatWritten == true && c.Time < latchedAt!.Value);
        Assert.True(lastBeat.Time <= heating.Time + TimeSpan.FromMilliseconds(100), $"heartbeat still advanced at {lastBeat.Time}");
        var heartbeat = board.Heartbeat;
        var heartbeatSince = lastBeat.Time;
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
    [Verifies("SRS-RT-006", "SRS-RT-008", "SRS-GT-007")]
    public void A_stalled_control_loop_has_the_plant_heater_off_before_the_board_watchdog_acts()
    {
        using var run = new RigRun();
        var heating = run.ToHeating();
        var board = run.Rig.ActuatorBoard.Logic;

        run.Faults.Stall(ComponentNames.ControlLoop, TimeSpan.FromSeconds(2));
        run.Steps(4);

        // Cycle c+1 is decided by the gate at its deadline, heater off (SRS-GT-007); the plant sees it from the next
        // board step on, well inside 500 ms.
        var offFrom = heating.Time + TimeSpan.FromMilliseconds(200);
        Assert.All(run.Cycles.Where(c => c.Time >= offFrom), c => Assert.Equal(0, c.Truth.HeaterPowerDelivered.Watts));
        Assert.False(board.SafeLatched, "the controller's own watchdog must act before the board's");
        Assert.False(board.Commanded.HeaterEnabled);
    }

    [Fact]
    [Verifies("SRS-PH-024", "SRS-PH-015", "SRS-IL-003")]
    public void After_a_board_watchdog_latch_an_operator_reset_releases_the_board_and_the_treatment_heats_again()
    {
        using var run = new RigRun();
        run.ToHeating();
        var board = run.Rig.ActuatorBoard.Logic;

        run.Faults.Stall(ComponentNames.ControlLoop, TimeSpan.FromSeconds(2));
        run.StepUntil(c => board.SafeLatched && c.Report?.Phase == Phase.SafeState, 20, "board latched and SafeState");
        run.Steps(25); // the stall is over: the watchdog's round is answered again

        run.Accept(OperatorAction.Reset);
        var released = run.StepUntil(_ => !board.SafeLatched, ProcedureStepWindow, "board latch released within the window");
        Assert.Equal(Phase.Paused, released.Report?.Phase);

        run.Accept(OperatorAction.Resume);
        run.StepUntil(c => c.Truth.HeaterPowerDelivered.Watts > 0, 200, "heater delivering power again");
        run.Steps(50);
        Assert.All(run.Cycles.TakeLast(50), c => Assert.Equal(Phase.Heating, c.Report?.Phase));
        Assert.DoesNotContain("IL-BOARD-SAFE-LATCH", run.Cycles[^1].Report!.ActiveTrips);
        Assert.False(board.SafeLatched);
    }

    /// <summary>SRS-PH-024's window: 10 cycles of 100 ms.</summary>
    private const int ProcedureStepWindow = 10;
}
